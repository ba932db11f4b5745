import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { portalSessionOf as portalSessionAt, seedOrg, seedSession, seedUser, useTestDatabase } from '../../../tests/support/test-db';
import { membership } from '../tenancy/schema';
import { account, session } from './schema';
import { findSession } from './session';

const t = useTestDatabase();

const portalSessionOf = (token: string) => portalSessionAt(t.db, token);

async function setActiveOrganization(sessionId: string, organizationId: string | null) {
  await t.db.update(session).set({ activeOrganizationId: organizationId }).where(eq(session.id, sessionId));
}

/** A person who belongs to two organizations: `older` joined first. */
async function twoOrganizations(options: { password?: boolean } = {}) {
  const person = await seedUser(t.db, options);
  const older = await seedOrg(t.db, { userId: person.userId, role: 'billing', createdAt: new Date('2030-01-01T00:00:00Z') });
  const newer = await seedOrg(t.db, { userId: person.userId, role: 'admin', createdAt: new Date('2030-06-01T00:00:00Z') });
  const { id, token } = await seedSession(t.db, person.userId);
  return { person, older, newer, sessionId: id, token };
}

describe('findSession and resolvePortalSession', () => {
  it('reads the session, its person and when it expires by token; an unknown token has none', async () => {
    const { person, sessionId, token } = await twoOrganizations();
    const record = await findSession(t.db, token);
    expect(record).toMatchObject({ auth: { session: { id: sessionId }, user: { id: person.userId, email: person.email, name: person.name } } });
    expect(record!.expiresAt.getTime()).toBeGreaterThan(Date.now());
    expect(await findSession(t.db, `${token}x`)).toBeNull();
  });

  it('acts in the active organization when the person is a member of it', async () => {
    const { person, newer, sessionId, token } = await twoOrganizations();
    await setActiveOrganization(sessionId, newer.organizationId);
    expect(await portalSessionOf(token)).toMatchObject({ sessionId, organization: { id: newer.organizationId }, role: 'admin', user: { id: person.userId, email: person.email } });
  });

  it('falls back to the oldest membership without an active organization', async () => {
    const { older, token } = await twoOrganizations();
    expect(await portalSessionOf(token)).toMatchObject({ organization: { id: older.organizationId }, role: 'billing' });
  });

  it('falls back to the oldest membership when the active organization is not one of theirs', async () => {
    const { older, sessionId, token } = await twoOrganizations();
    const stranger = await seedOrg(t.db);
    await setActiveOrganization(sessionId, stranger.organizationId);
    expect(await portalSessionOf(token)).toMatchObject({ organization: { id: older.organizationId }, role: 'billing' });
  });

  it("answers 'no_membership' for a person without any membership", async () => {
    const person = await seedUser(t.db);
    const { token } = await seedSession(t.db, person.userId);
    expect(await portalSessionOf(token)).toBe('no_membership');
  });

  it('stops resolving a removed membership at once', async () => {
    const { person, older, newer, sessionId, token } = await twoOrganizations();
    await setActiveOrganization(sessionId, newer.organizationId);
    expect(await portalSessionOf(token)).toMatchObject({ organization: { id: newer.organizationId } });

    await t.db.delete(membership).where(and(eq(membership.userId, person.userId), eq(membership.organizationId, newer.organizationId)));
    expect(await portalSessionOf(token)).toMatchObject({ organization: { id: older.organizationId } });

    await t.db.delete(membership).where(eq(membership.userId, person.userId));
    expect(await portalSessionOf(token)).toBe('no_membership');
  });

  it("identity is 'builtin' exactly when the person has a password (credential) account", async () => {
    const withPassword = await twoOrganizations({ password: true });
    expect(await portalSessionOf(withPassword.token)).toMatchObject({ identity: 'builtin' });

    // Another person's password (above) does not make this one builtin.
    const hostOnly = await twoOrganizations();
    expect(await portalSessionOf(hostOnly.token)).toMatchObject({ identity: 'host' });

    // An account of another provider is not a password.
    await t.db.insert(account).values({ id: randomUUID(), accountId: 'gh-1', providerId: 'github', userId: hostOnly.person.userId });
    expect(await portalSessionOf(hostOnly.token)).toMatchObject({ identity: 'host' });
  });

  it('records when the session and the membership were last active, at most once a minute', async () => {
    const { older, sessionId, token } = await twoOrganizations();
    const seenAt = (at: Date) => t.db.update(session).set({ lastSeenAt: at }).where(eq(session.id, sessionId));
    const lastSeen = async () => {
      const [s] = await t.db.select({ at: session.lastSeenAt }).from(session).where(eq(session.id, sessionId));
      const [m] = await t.db.select({ at: membership.lastActiveAt }).from(membership).where(eq(membership.id, older.membershipId));
      return { session: s!.at, membership: m!.at };
    };

    const recently = new Date(Date.now() - 10_000);
    await seenAt(recently);
    await portalSessionOf(token);
    expect(await lastSeen()).toEqual({ session: recently, membership: null });

    const started = Date.now();
    await seenAt(new Date(Date.now() - 5 * 60_000));
    await portalSessionOf(token);
    const seen = await lastSeen();
    expect(seen.session!.getTime()).toBeGreaterThanOrEqual(started - 1000);
    expect(seen.membership!.getTime()).toBe(seen.session!.getTime());
  });
});
