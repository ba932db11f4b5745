import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { hostActor, seedOrg, useTestDatabase } from '../../../tests/support/test-db';
import { organization } from '../tenancy/schema';
import { defineAction, type ActionContext } from './define';
import { executeAction } from './execute';
import { auditLog, outbox } from './schema';

const t = useTestDatabase();

/** Renames the organization, then emits what `emitting` does: a refused event must undo the rename. */
function renameThenEmit(organizationId: string, emitting: (emit: ActionContext['emit']) => void) {
  return defineAction({
    name: 'host.test_emit',
    input: z.object({}),
    async run({ tx, emit }) {
      await tx.update(organization).set({ name: 'Renamed' }).where(eq(organization.id, organizationId));
      emitting(emit);
      return { result: null, audit: { organizationId, entityType: 'organization', entityId: organizationId } };
    },
  });
}

async function written(organizationId: string) {
  const [org] = await t.db.select({ name: organization.name }).from(organization).where(eq(organization.id, organizationId));
  const [audits] = await t.db.select({ n: count() }).from(auditLog).where(eq(auditLog.organizationId, organizationId));
  const [events] = await t.db.select({ n: count() }).from(outbox).where(eq(outbox.organizationId, organizationId));
  return { name: org!.name, audits: audits!.n, events: events!.n };
}

describe('emit is checked against config/events.ts', () => {
  it('queues a payload its schema accepts', async () => {
    const org = await seedOrg(t.db, { name: 'Start' });
    await executeAction(hostActor, renameThenEmit(org.organizationId, (emit) => emit('api_key.revoked', { keyId: 'k1', prefix: 'dfl_k1' })), {});
    expect(await written(org.organizationId)).toEqual({ name: 'Renamed', audits: 1, events: 1 });
  });

  // What plain JavaScript (or a cast) could still pass: each throws before commit, leaving nothing.
  const refused: [string, (emit: (type: string, payload: unknown) => void) => void, RegExp][] = [
    ['an unknown type', (emit) => emit('key.created', { keyId: 'k1' }), /Unknown event type "key\.created"/],
    ['a missing field', (emit) => emit('api_key.revoked', { keyId: 'k1' }), /api_key\.revoked.*prefix/s],
    ['a field of the wrong type', (emit) => emit('usage.threshold_reached', { organizationId: 'o', meter: 'api_calls', threshold: '80', used: 8, limit: 10, period: { start: '2030-01-01', end: '2030-02-01' } }), /threshold/],
    ['a field the schema does not name (a secret)', (emit) => emit('api_key.revoked', { keyId: 'k1', prefix: 'dfl_k1', secret: 'sk_live_event' }), /secret/],
  ];
  it.each(refused)('refuses %s before commit: the change, the audit row and the events are rolled back', async (_case, emitting, message) => {
    const org = await seedOrg(t.db, { name: 'Start' });
    const action = renameThenEmit(org.organizationId, (emit) => emitting(emit as (type: string, payload: unknown) => void));
    await expect(executeAction(hostActor, action, {})).rejects.toThrow(message);
    expect(await written(org.organizationId)).toEqual({ name: 'Start', audits: 0, events: 0 });
  });

  it('does not compile an unknown type or a wrong payload (the directives are checked by npm run typecheck)', () => {
    const emitAll = (emit: ActionContext['emit']) => {
      // @ts-expect-error an event type that is not in the catalog
      emit('key.created', { keyId: 'k1' });
      // @ts-expect-error a required field left out
      emit('api_key.revoked', { keyId: 'k1' });
      // @ts-expect-error a field of the wrong type
      emit('team.member_role_changed', { memberId: 'm', userId: 'u', from: 'member', to: 'superuser' });
      // @ts-expect-error a field the schema does not name
      emit('api_key.revoked', { keyId: 'k1', prefix: 'dfl_k1', secret: 'sk_live' });
      emit('api_key.revoked', { keyId: 'k1', prefix: 'dfl_k1' });
    };
    const seen: string[] = [];
    emitAll((type) => seen.push(type));
    expect(seen).toEqual(['key.created', 'api_key.revoked', 'team.member_role_changed', 'api_key.revoked', 'api_key.revoked']);
  });
});
