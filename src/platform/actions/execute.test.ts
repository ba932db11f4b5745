import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { rejectionOf } from '../../../tests/support/errors';
import { hostActor, seedOrg, useTestDatabase, userActor } from '../../../tests/support/test-db';
import { AppError } from '../http/errors';
import { onOutboxWritten } from '../jobs/nudge';
import { organization } from '../tenancy/schema';
import { defineAction } from './define';
import { executeAction } from './execute';
import { auditLog, outbox } from './schema';

const t = useTestDatabase();

const renameInput = z.object({ organizationId: z.string().min(1), name: z.string().trim().min(1).max(50) });

/** A real write: renames an organization and emits two events. `fail` decides what goes wrong, and when. */
function renameAction(options: { name?: 'audit.read' | `host.${string}`; fail?: (attempt: number) => unknown; brokenAudit?: boolean } = {}) {
  let attempts = 0;
  const action = defineAction({
    name: options.name ?? 'host.test_rename_organization',
    input: renameInput,
    async run({ tx, emit }, input) {
      attempts++;
      const [before] = await tx.select({ name: organization.name }).from(organization).where(eq(organization.id, input.organizationId));
      await tx.update(organization).set({ name: input.name }).where(eq(organization.id, input.organizationId));
      emit('organization.updated', { organizationId: input.organizationId, source: 'host' });
      emit('invoice.issued', { organizationId: input.organizationId, invoiceId: 'inv_1', number: null, total: 100, currency: 'eur' });
      const failure = options.fail?.(attempts);
      if (failure) throw failure;
      return {
        result: { renamed: input.organizationId },
        audit: {
          organizationId: input.organizationId,
          entityType: 'organization',
          entityId: options.brokenAudit ? (undefined as unknown as string) : input.organizationId,
          before,
          after: { name: input.name },
        },
      };
    },
  });
  return { action, attempts: () => attempts };
}

async function orgName(id: string) {
  const [row] = await t.db.select({ name: organization.name }).from(organization).where(eq(organization.id, id));
  return row?.name;
}

async function auditRows(organizationId: string) {
  return t.db.select().from(auditLog).where(eq(auditLog.organizationId, organizationId)).orderBy(auditLog.id);
}

async function outboxRows(organizationId: string) {
  return t.db.select().from(outbox).where(eq(outbox.organizationId, organizationId)).orderBy(outbox.id);
}

async function totals() {
  const [a] = await t.db.select({ n: count() }).from(auditLog);
  const [o] = await t.db.select({ n: count() }).from(outbox);
  return { audit: a!.n, outbox: o!.n };
}

describe('executeAction: a successful action', () => {
  it('writes its change, exactly one audit row and its outbox events', async () => {
    const org = await seedOrg(t.db, { role: 'admin', name: 'Before Inc' });
    const { action } = renameAction({ name: 'audit.read' }); // any permission the admin role holds
    const actor = userActor(org, { ip: '198.51.100.4', userAgent: 'Mozilla/5.0 test' });

    const result = await executeAction(actor, action, { organizationId: org.organizationId, name: '  After Inc  ' });

    expect(result).toEqual({ renamed: org.organizationId });
    expect(await orgName(org.organizationId)).toBe('After Inc'); // the parsed (trimmed) input reached run
    const audit = await auditRows(org.organizationId);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      organizationId: org.organizationId,
      actorType: 'user',
      actorId: org.userId,
      actorEmail: org.email,
      action: 'audit.read',
      entityType: 'organization',
      entityId: org.organizationId,
      before: { name: 'Before Inc' },
      after: { name: 'After Inc' },
      ip: '198.51.100.4',
      userAgent: 'Mozilla/5.0 test',
    });
    expect(Math.abs(audit[0]!.createdAt.getTime() - Date.now())).toBeLessThan(60_000);
    const events = await outboxRows(org.organizationId);
    expect(events.map((e) => [e.type, e.payload, e.deliveredAt])).toEqual([
      ['organization.updated', { organizationId: org.organizationId, source: 'host' }, null],
      ['invoice.issued', { organizationId: org.organizationId, invoiceId: 'inv_1', number: null, total: 100, currency: 'eur' }, null],
    ]);
  });

  it("records a host actor without user fields, in the organization the action names", async () => {
    const org = await seedOrg(t.db);
    await executeAction(hostActor, renameAction().action, { organizationId: org.organizationId, name: 'Renamed by host' });
    const [row] = await auditRows(org.organizationId);
    expect(row).toMatchObject({ actorType: 'host', actorId: null, actorEmail: null, organizationId: org.organizationId, ip: '203.0.113.7', userAgent: 'host-backend/1.0' });
  });

  it('passes what prepare returned to run, with the request headers', async () => {
    const org = await seedOrg(t.db);
    const seen: unknown[] = [];
    const action = defineAction({
      name: 'host.test_prepared',
      input: z.object({ organizationId: z.string() }),
      async prepare({ headers }) {
        return { fromPrepare: headers.get('x-test') };
      },
      async run(_ctx, input, prepared) {
        seen.push(prepared);
        return { result: prepared, audit: { organizationId: input.organizationId, entityType: 'test', entityId: 'x' } };
      },
    });
    const result = await executeAction(hostActor, action, { organizationId: org.organizationId }, { headers: new Headers({ 'x-test': 'hello' }) });
    expect(result).toEqual({ fromPrepare: 'hello' });
    expect(seen).toEqual([{ fromPrepare: 'hello' }]);
  });
});

describe('executeAction: one transaction', () => {
  it('a failure thrown inside run after the change rolls back the change, the audit row and the events', async () => {
    const org = await seedOrg(t.db, { name: 'Untouched' });
    const boom = new Error('failed after writing');
    const { action } = renameAction({ fail: () => boom });
    const before = await totals();

    expect(await rejectionOf(executeAction(hostActor, action, { organizationId: org.organizationId, name: 'Half done' }))).toBe(boom);

    expect(await orgName(org.organizationId)).toBe('Untouched');
    expect(await auditRows(org.organizationId)).toEqual([]);
    expect(await outboxRows(org.organizationId)).toEqual([]);
    expect(await totals()).toEqual(before);
  });

  it('wakes the outbox relay after its events commit, and not when it rolls back', async () => {
    const org = await seedOrg(t.db, { name: 'Nudged' });
    const outboxSeenByRelay: number[] = [];
    const stop = onOutboxWritten(() => void outboxRows(org.organizationId).then((rows) => outboxSeenByRelay.push(rows.length)));
    try {
      await rejectionOf(executeAction(hostActor, renameAction({ fail: () => new Error('rolled back') }).action, { organizationId: org.organizationId, name: 'No' }));
      expect(outboxSeenByRelay).toEqual([]);
      await executeAction(hostActor, renameAction().action, { organizationId: org.organizationId, name: 'Yes' });
      await expect.poll(() => outboxSeenByRelay).toEqual([2]);
    } finally {
      stop();
    }
  });

  it('an audit row that cannot be written rolls back the change and the events too', async () => {
    const org = await seedOrg(t.db, { name: 'Untouched' });
    const { action } = renameAction({ brokenAudit: true });

    await expect(executeAction(hostActor, action, { organizationId: org.organizationId, name: 'Unaudited' })).rejects.toThrow();

    expect(await orgName(org.organizationId)).toBe('Untouched');
    expect(await outboxRows(org.organizationId)).toEqual([]);
  });

  it('runs beforeCommit steps after the audit row, inside the transaction, and queues what they emit', async () => {
    const org = await seedOrg(t.db, { name: 'Start' });
    const seen: number[] = [];
    const action = defineAction({
      name: 'host.test_last_step',
      input: z.object({}),
      async run(ctx) {
        ctx.beforeCommit(async () => {
          const [audited] = await ctx.tx.select({ n: count() }).from(auditLog).where(eq(auditLog.organizationId, org.organizationId));
          seen.push(audited!.n);
          ctx.emit('organization.updated', { organizationId: org.organizationId, source: 'host' });
        });
        return { result: null, audit: { organizationId: org.organizationId, entityType: 'organization', entityId: org.organizationId } };
      },
    });

    await executeAction(hostActor, action, {});

    expect(seen).toEqual([1]); // the step saw the audit row this transaction had just written
    expect((await outboxRows(org.organizationId)).map((e) => e.type)).toEqual(['organization.updated']);
  });

  it('a failing beforeCommit step rolls back the change, the audit row and the events', async () => {
    const org = await seedOrg(t.db, { name: 'Untouched' });
    const boom = new Error('failed in the last step');
    const { action } = renameAction();
    const failingLast = defineAction({
      ...action,
      async run(ctx, input, prepared) {
        ctx.beforeCommit(() => Promise.reject(boom));
        return action.run(ctx, input, prepared);
      },
    });

    expect(await rejectionOf(executeAction(hostActor, failingLast, { organizationId: org.organizationId, name: 'Half done' }))).toBe(boom);

    expect(await orgName(org.organizationId)).toBe('Untouched');
    expect(await auditRows(org.organizationId)).toEqual([]);
    expect(await outboxRows(org.organizationId)).toEqual([]);
  });

  it('runs afterCommit steps once the change is committed, before the caller gets the result', async () => {
    const org = await seedOrg(t.db, { name: 'Start' });
    const seen: (string | undefined)[] = [];
    const { action } = renameAction();
    const announcing = defineAction({
      ...action,
      async run(ctx, input, prepared) {
        ctx.afterCommit(async () => void seen.push(await orgName(org.organizationId))); // read outside the transaction
        return action.run(ctx, input, prepared);
      },
    });

    await executeAction(hostActor, announcing, { organizationId: org.organizationId, name: 'Committed' });

    expect(seen).toEqual(['Committed']);
  });

  it('a failing afterCommit step reaches the caller and leaves the committed change; a rolled-back action never runs its steps', async () => {
    const org = await seedOrg(t.db, { name: 'Start' });
    const boom = new Error('mail server down');
    const steps: string[] = [];
    const { action } = renameAction({ fail: (attempt) => (attempt === 1 ? Object.assign(new Error('could not serialize access'), { code: '40001' }) : undefined) });
    const failingAfter = defineAction({
      ...action,
      async run(ctx, input, prepared) {
        ctx.afterCommit(async () => {
          steps.push('after');
          throw boom;
        });
        return action.run(ctx, input, prepared);
      },
    });

    expect(await rejectionOf(executeAction(hostActor, failingAfter, { organizationId: org.organizationId, name: 'Kept' }))).toBe(boom);

    expect(steps).toEqual(['after']); // the first, rolled-back attempt's step never ran, and the failure is not retried
    expect(await orgName(org.organizationId)).toBe('Kept');
    expect(await auditRows(org.organizationId)).toHaveLength(1);
  });

  it('retries a serialization failure from the start and keeps only the successful attempt', async () => {
    const org = await seedOrg(t.db, { name: 'Start' });
    const { action, attempts } = renameAction({ fail: (n) => (n === 1 ? Object.assign(new Error('could not serialize access'), { code: '40001' }) : undefined) });

    await executeAction(hostActor, action, { organizationId: org.organizationId, name: 'Second try' });

    expect(attempts()).toBe(2);
    expect(await orgName(org.organizationId)).toBe('Second try');
    expect(await auditRows(org.organizationId)).toHaveLength(1);
    expect(await outboxRows(org.organizationId)).toHaveLength(2);
  });

  it('does not retry other errors, and gives up on a serialization failure that persists', async () => {
    const org = await seedOrg(t.db);
    const plain = renameAction({ fail: () => new Error('not retryable') });
    await expect(executeAction(hostActor, plain.action, { organizationId: org.organizationId, name: 'x' })).rejects.toThrow('not retryable');
    expect(plain.attempts()).toBe(1);

    const stuck = renameAction({ fail: () => Object.assign(new Error('deadlock detected'), { code: '40P01' }) });
    await expect(executeAction(hostActor, stuck.action, { organizationId: org.organizationId, name: 'y' })).rejects.toThrow('deadlock detected');
    expect(stuck.attempts()).toBeGreaterThan(1);
    expect(stuck.attempts()).toBeLessThan(10);
    expect(await auditRows(org.organizationId)).toEqual([]);
  });
});

describe('executeAction: refusals write nothing', () => {
  it('invalid input is a validation_failed AppError naming each field, and run is never reached', async () => {
    const org = await seedOrg(t.db, { name: 'Same' });
    const { action, attempts } = renameAction();
    const before = await totals();

    const error = await rejectionOf(executeAction(hostActor, action, { organizationId: org.organizationId, name: '   ' }));

    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'validation_failed', status: 422, fields: { name: expect.any(String) } });
    expect(attempts()).toBe(0);
    expect(await orgName(org.organizationId)).toBe('Same');
    expect(await totals()).toEqual(before);
  });

  it('invalid input never reaches prepare', async () => {
    let prepared = 0;
    const action = defineAction({
      name: 'host.test_prepare_validation',
      input: z.object({ email: z.email() }),
      async prepare() {
        prepared++;
      },
      async run() {
        return { result: null, audit: { entityType: 'test', entityId: 'x' } };
      },
    });
    await expect(executeAction(hostActor, action, { email: 'not-an-email' })).rejects.toMatchObject({ code: 'validation_failed', fields: { email: expect.any(String) } });
    expect(prepared).toBe(0);
  });

  it('a failing prepare aborts before anything is written', async () => {
    const org = await seedOrg(t.db, { name: 'Same' });
    let ran = 0;
    const action = defineAction({
      name: 'host.test_prepare_fails',
      input: renameInput,
      async prepare() {
        throw new AppError('upstream_unavailable', 'Stripe is down.');
      },
      async run({ tx }, input) {
        ran++;
        await tx.update(organization).set({ name: input.name }).where(eq(organization.id, input.organizationId));
        return { result: null, audit: { entityType: 'organization', entityId: input.organizationId } };
      },
    });
    const before = await totals();
    await expect(executeAction(hostActor, action, { organizationId: org.organizationId, name: 'Changed' })).rejects.toMatchObject({ code: 'upstream_unavailable' });
    expect(ran).toBe(0);
    expect(await orgName(org.organizationId)).toBe('Same');
    expect(await totals()).toEqual(before);
  });

  it('a member whose role lacks the permission is forbidden', async () => {
    const member = await seedOrg(t.db, { role: 'member', name: 'Same' });
    const { action, attempts } = renameAction({ name: 'audit.read' }); // owner and admin only
    const before = await totals();

    await expect(executeAction(userActor(member), action, { organizationId: member.organizationId, name: 'Nope' })).rejects.toMatchObject({ code: 'forbidden', status: 403 });

    expect(attempts()).toBe(0);
    expect(await orgName(member.organizationId)).toBe('Same');
    expect(await totals()).toEqual(before);
  });

  it('a signed-in member can never run a host or system action, whatever the role', async () => {
    const owner = await seedOrg(t.db, { role: 'owner', name: 'Same' });
    const { action, attempts } = renameAction({ name: 'host.test_rename_organization' });
    await expect(executeAction(userActor(owner), action, { organizationId: owner.organizationId, name: 'Nope' })).rejects.toMatchObject({ code: 'forbidden' });
    expect(attempts()).toBe(0);
    expect(await orgName(owner.organizationId)).toBe('Same');
  });

  it('no actor is unauthorized', async () => {
    const { action, attempts } = renameAction();
    const before = await totals();
    await expect(executeAction(null, action, { organizationId: 'org', name: 'x' })).rejects.toMatchObject({ code: 'unauthorized', status: 401 });
    expect(attempts()).toBe(0);
    expect(await totals()).toEqual(before);
  });
});

describe('executeAction: secrets never reach the audit log or the outbox', () => {
  it('redacts secret-looking keys at any depth in before and after', async () => {
    const org = await seedOrg(t.db);
    const action = defineAction({
      name: 'host.test_secrets',
      input: z.object({ organizationId: z.string() }),
      async run(_ctx, input) {
        return {
          result: null,
          audit: {
            organizationId: input.organizationId,
            entityType: 'credentials',
            entityId: 'c1',
            before: { password: 'hunter2-old', name: 'Ada', rotatedAt: new Date('2030-01-02T03:04:05Z') },
            after: {
              password: 'hunter2-new',
              passwordHash: '$argon2id$abc',
              apiKey: 'dfl_live_123',
              nested: { token: 'tok_123', backupCodes: ['111111', '222222'], label: 'kept' },
              list: [{ clientSecret: 'cs_123', id: 'visible' }],
              name: 'Ada',
            },
          },
        };
      },
    });

    await executeAction(hostActor, action, { organizationId: org.organizationId });

    const [row] = await auditRows(org.organizationId);
    expect(row!.before).toEqual({ password: '[redacted]', name: 'Ada', rotatedAt: '2030-01-02T03:04:05.000Z' });
    expect(row!.after).toEqual({
      password: '[redacted]',
      passwordHash: '[redacted]',
      apiKey: '[redacted]',
      nested: { token: '[redacted]', backupCodes: '[redacted]', label: 'kept' },
      list: [{ clientSecret: '[redacted]', id: 'visible' }],
      name: 'Ada',
    });
    const stored = JSON.stringify(row);
    for (const secret of ['hunter2', 'argon2id', 'dfl_live_123', 'tok_123', '111111', 'cs_123']) {
      expect(stored).not.toContain(secret);
    }
  });
});
