import { eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { rejectionOf } from '../../../tests/support/errors';
import { seedOrg, seedSession, useTestDatabase, userActor } from '../../../tests/support/test-db';
import { executeAction } from '@/platform/actions/execute';
import { auditLog, outbox } from '@/platform/actions/schema';
import { session, user } from '@/platform/auth/schema';
import { revokeOtherSessions, revokeSession, updateProfile } from './actions';

const t = useTestDatabase();

async function auditOf(organizationId: string) {
  return t.db.select().from(auditLog).where(eq(auditLog.organizationId, organizationId)).orderBy(auditLog.id);
}

async function sessionIds(ids: string[]) {
  const rows = await t.db.select({ id: session.id }).from(session).where(inArray(session.id, ids));
  return rows.map((r) => r.id).sort();
}

describe('updateProfile', () => {
  it('writes the new name and audits the before and after', async () => {
    const me = await seedOrg(t.db, { role: 'viewer' }); // every role may edit its own profile
    const result = await executeAction(userActor(me, { ip: '192.0.2.1', userAgent: 'Firefox' }), updateProfile, { name: '  Grace Hopper ' });

    expect(result).toEqual({ user: { id: me.userId, email: me.email, name: 'Grace Hopper' } });
    const [stored] = await t.db.select({ name: user.name }).from(user).where(eq(user.id, me.userId));
    expect(stored!.name).toBe('Grace Hopper');
    const audit = await auditOf(me.organizationId);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'account.update_profile',
      actorId: me.userId,
      entityType: 'user',
      entityId: me.userId,
      before: { name: me.name },
      after: { name: 'Grace Hopper' },
      ip: '192.0.2.1',
      userAgent: 'Firefox',
    });
    const events = await t.db.select().from(outbox).where(eq(outbox.organizationId, me.organizationId));
    expect(events.map((e) => [e.type, e.payload])).toEqual([['user.profile_updated', { userId: me.userId }]]);
  });

  it('refuses a blank or overlong name with a field error and changes nothing', async () => {
    const me = await seedOrg(t.db);
    for (const name of ['   ', 'x'.repeat(101)]) {
      await expect(executeAction(userActor(me), updateProfile, { name })).rejects.toMatchObject({ code: 'validation_failed', fields: { name: expect.any(String) } });
    }
    const [stored] = await t.db.select({ name: user.name }).from(user).where(eq(user.id, me.userId));
    expect(stored!.name).toBe(me.name);
    expect(await auditOf(me.organizationId)).toEqual([]);
  });

  it('only ever changes the acting user', async () => {
    const me = await seedOrg(t.db);
    const other = await seedOrg(t.db, { organizationId: me.organizationId, role: 'member' });
    await executeAction(userActor(me), updateProfile, { name: 'Only Me', userId: other.userId });
    const [otherRow] = await t.db.select({ name: user.name }).from(user).where(eq(user.id, other.userId));
    expect(otherRow!.name).toBe(other.name);
  });
});

describe('revokeSession', () => {
  it("answers not_found for another user's session and deletes nothing", async () => {
    const me = await seedOrg(t.db);
    const other = await seedOrg(t.db, { organizationId: me.organizationId, role: 'member' });
    const theirs = await seedSession(t.db, other.userId);

    const error = await rejectionOf(executeAction(userActor(me), revokeSession, { sessionId: theirs.id }));

    expect(error).toMatchObject({ code: 'not_found', status: 404 });
    expect(await sessionIds([theirs.id])).toEqual([theirs.id]);
    expect(await auditOf(me.organizationId)).toEqual([]);
  });

  it('answers not_found for a session id that does not exist', async () => {
    const me = await seedOrg(t.db);
    await expect(executeAction(userActor(me), revokeSession, { sessionId: 'no-such-session' })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('deletes one of my sessions and audits it without its token', async () => {
    const me = await seedOrg(t.db);
    const current = await seedSession(t.db, me.userId);
    const laptop = await seedSession(t.db, me.userId, { userAgent: 'Old laptop' });

    expect(await executeAction(userActor(me, { sessionId: current.id }), revokeSession, { sessionId: laptop.id })).toEqual({ revoked: laptop.id });

    expect(await sessionIds([current.id, laptop.id])).toEqual([current.id]);
    const audit = await auditOf(me.organizationId);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'account.revoke_session', entityType: 'session', entityId: laptop.id, before: { userAgent: 'Old laptop' } });
    expect(JSON.stringify(audit)).not.toContain(laptop.token);
  });
});

describe('revokeOtherSessions', () => {
  it("deletes all my other sessions, keeps the current one and touches nobody else's", async () => {
    const me = await seedOrg(t.db);
    const other = await seedOrg(t.db, { organizationId: me.organizationId, role: 'member' });
    const current = await seedSession(t.db, me.userId);
    const mine = [await seedSession(t.db, me.userId), await seedSession(t.db, me.userId)];
    const theirs = await seedSession(t.db, other.userId);

    const result = await executeAction(userActor(me, { sessionId: current.id }), revokeOtherSessions, {});

    expect(result).toEqual({ revoked: 2 });
    expect(await sessionIds([current.id, ...mine.map((s) => s.id), theirs.id])).toEqual([current.id, theirs.id].sort());
    const audit = await auditOf(me.organizationId);
    expect(audit.map((a) => [a.action, a.entityId, a.after])).toEqual([['account.revoke_other_sessions', me.userId, { sessionsRevoked: 2 }]]);
  });
});
