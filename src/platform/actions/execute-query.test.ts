import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { permissions, roles, type Permission } from '@config/permissions';
import { rejectionOf } from '../../../tests/support/errors';
import { hostActor, seedOrg, useTestDatabase, userActor } from '../../../tests/support/test-db';
import { organization } from '../tenancy/schema';
import type { Actor } from './actor';
import { defineAction } from './define';
import { defineQuery } from './define-query';
import { executeAction } from './execute';
import { executeQuery } from './execute-query';

const t = useTestDatabase();

/** A real read: the name of the organization the pipeline scoped it to, and the input it saw. */
function nameQuery(name: Permission = 'team.read', apiKeyScope?: string) {
  let runs = 0;
  const query = defineQuery({
    name,
    apiKeyScope,
    input: z.object({ limit: z.coerce.number().int().min(1).max(10).default(5) }),
    async run({ db, organizationId }, input) {
      runs++;
      const [row] = await db.select({ name: organization.name }).from(organization).where(eq(organization.id, organizationId));
      return { name: row?.name, limit: input.limit };
    },
  });
  return { query, runs: () => runs };
}

const staff = (organizationId: string): Actor => ({ type: 'staff', staffId: 's-1', email: 'agent@vendor.example', name: 'Agent', role: 'lead', organizationId });

describe('executeQuery', () => {
  it('runs the read in the actor’s own organization, with its input parsed', async () => {
    const mine = await seedOrg(t.db, { role: 'viewer', name: 'Mine Inc' });
    await seedOrg(t.db, { name: 'Theirs Inc' });
    expect(await executeQuery(userActor(mine), nameQuery().query, { limit: '3' })).toEqual({ name: 'Mine Inc', limit: 3 });
  });

  it('refuses before reading: no actor 401, a role without the permission 403, bad input 422', async () => {
    const viewer = await seedOrg(t.db, { role: 'viewer' });
    const { query, runs } = nameQuery('audit.read');
    expect(await rejectionOf(executeQuery(null, query, {}))).toMatchObject({ code: 'unauthorized', status: 401 });
    expect(await rejectionOf(executeQuery(userActor(viewer), query, {}))).toMatchObject({ code: 'forbidden', status: 403 });
    const owner = await seedOrg(t.db, { role: 'owner' });
    expect(await rejectionOf(executeQuery(userActor(owner), query, { limit: 'many' }))).toMatchObject({ code: 'validation_failed', fields: { limit: expect.any(String) } });
    expect(runs()).toBe(0);
  });

  it('reads nothing for an actor without an organization, and refuses staff until their permissions plug in', async () => {
    const org = await seedOrg(t.db);
    const { query, runs } = nameQuery();
    expect(await rejectionOf(executeQuery(hostActor, query, {}))).toMatchObject({ code: 'forbidden' });
    expect(await rejectionOf(executeQuery({ type: 'person', userId: org.userId, email: org.email, organizationId: null }, query, {}))).toMatchObject({ code: 'forbidden' });
    expect(await rejectionOf(executeQuery(staff(org.organizationId), query, {}))).toMatchObject({ code: 'forbidden' });
    expect(runs()).toBe(0);
  });

  it('lets an API key read only with the query’s scope', async () => {
    const org = await seedOrg(t.db, { name: 'Keyed' });
    const key = (scopes: string[]): Actor => ({ type: 'api_key', keyId: 'k-1', organizationId: org.organizationId, scopes });
    expect(await executeQuery(key(['read']), nameQuery('team.read', 'read').query, {})).toMatchObject({ name: 'Keyed' });
    expect(await rejectionOf(executeQuery(key(['write']), nameQuery('team.read', 'read').query, {}))).toMatchObject({ code: 'forbidden' });
    expect(await rejectionOf(executeQuery(key(['read']), nameQuery('team.read').query, {}))).toMatchObject({ code: 'forbidden' });
  });

  it('authorizes exactly as executeAction does: for every permission and role, a read and a write of that name agree', async () => {
    const org = await seedOrg(t.db);
    const outcome = (promise: Promise<unknown>) => promise.then(() => 'allowed', (error: { code?: string }) => error.code);
    for (const name of Object.keys(permissions) as Permission[]) {
      const write = defineAction({ name, input: z.object({}), run: async () => ({ result: null, audit: { entityType: 'test', entityId: 'x' } }) });
      const read = defineQuery({ name, input: z.object({}), run: async () => null });
      for (const role of roles) {
        const actor = userActor({ ...org, role });
        expect(await outcome(executeQuery(actor, read, {})), `${name} as ${role}`).toBe(await outcome(executeAction(actor, write, {})));
      }
      const asStaff = staff(org.organizationId);
      expect(await outcome(executeQuery(asStaff, read, {}))).toBe(await outcome(executeAction(asStaff, write, {})));
    }
  });
});
