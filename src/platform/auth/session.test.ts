import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { seedOrg, seedSession, seedUser, useTestDatabase } from '../../../tests/support/test-db';
import { membership } from '../tenancy/schema';
import { account, session } from './schema';
import { resolvePortalSession, type AuthSession } from './session';

const t = useTestDatabase();

function authOf(person: { userId: string; email: string; name: string }, sessionId: string, extra: Partial<AuthSession['session']> = {}): AuthSession {
  return {
    session: { id: sessionId, ...extra },
    user: { id: person.userId, email: person.email, name: person.name, emailVerified: true, twoFactorEnabled: false },
  };
}

/** A person who belongs to two organizations: `older` joined first. */
async function twoOrganizations(options: { password?: boolean } = {}) {
  const person = await seedUser(t.db, options);
  const older = await seedOrg(t.db, { userId: person.userId, role: 'billing', createdAt: new Date('2030-01-01T00:00:00Z') });
  const newer = await seedOrg(t.db, { userId: person.userId, role: 'admin', createdAt: new Date('2030-06-01T00:00:00Z') });
  const { id } = await seedSession(t.db, person.userId);
  return { person, older, newer, sessionId: id };
}

describe('resolvePortalSession', () => {
  it('acts in the active organization when the person is a member of it', async () => {
    const { person, newer, sessionId } = await twoOrganizations();
    const resolved = await resolvePortalSession(t.db, authOf(person, sessionId, { activeOrganizationId: newer.organizationId }));
    expect(resolved).toMatchObject({ sessionId, organization: { id: newer.organizationId }, role: 'admin', user: { id: person.userId, email: person.email } });
  });

  it('falls back to the oldest membership without an active organization', async () => {
    const { person, older, sessionId } = await twoOrganizations();
    expect(await resolvePortalSession(t.db, authOf(person, sessionId))).toMatchObject({ organization: { id: older.organizationId }, role: 'billing' });
  });

  it('falls back to the oldest membership when the active organization is not one of theirs', async () => {
    const { person, older, sessionId } = await twoOrganizations();
    const stranger = await seedOrg(t.db);
    const resolved = await resolvePortalSession(t.db, authOf(person, sessionId, { activeOrganizationId: stranger.organizationId }));
    expect(resolved).toMatchObject({ organization: { id: older.organizationId }, role: 'billing' });
  });

  it("answers 'no_membership' for a person without any membership", async () => {
    const person = await seedUser(t.db);
    const { id } = await seedSession(t.db, person.userId);
    expect(await resolvePortalSession(t.db, authOf(person, id))).toBe('no_membership');
  });

  it('stops resolving a removed membership at once', async () => {
    const { person, older, newer, sessionId } = await twoOrganizations();
    const auth = authOf(person, sessionId, { activeOrganizationId: newer.organizationId });
    expect(await resolvePortalSession(t.db, auth)).toMatchObject({ organization: { id: newer.organizationId } });

    await t.db.delete(membership).where(and(eq(membership.userId, person.userId), eq(membership.organizationId, newer.organizationId)));
    expect(await resolvePortalSession(t.db, auth)).toMatchObject({ organization: { id: older.organizationId } });

    await t.db.delete(membership).where(eq(membership.userId, person.userId));
    expect(await resolvePortalSession(t.db, auth)).toBe('no_membership');
  });

  it("identity is 'builtin' exactly when the person has a password (credential) account", async () => {
    const withPassword = await twoOrganizations({ password: true });
    expect(await resolvePortalSession(t.db, authOf(withPassword.person, withPassword.sessionId))).toMatchObject({ identity: 'builtin' });

    // Another person's password (above) does not make this one builtin.
    const hostOnly = await twoOrganizations();
    expect(await resolvePortalSession(t.db, authOf(hostOnly.person, hostOnly.sessionId))).toMatchObject({ identity: 'host' });

    // An account of another provider is not a password.
    await t.db.insert(account).values({ id: randomUUID(), accountId: 'gh-1', providerId: 'github', userId: hostOnly.person.userId });
    expect(await resolvePortalSession(t.db, authOf(hostOnly.person, hostOnly.sessionId))).toMatchObject({ identity: 'host' });
  });

  it('records when the session and the membership were last active, at most once a minute', async () => {
    const { person, older, sessionId } = await twoOrganizations();
    const lastSeen = async () => {
      const [s] = await t.db.select({ at: session.lastSeenAt }).from(session).where(eq(session.id, sessionId));
      const [m] = await t.db.select({ at: membership.lastActiveAt }).from(membership).where(eq(membership.id, older.membershipId));
      return { session: s!.at, membership: m!.at };
    };

    await resolvePortalSession(t.db, authOf(person, sessionId, { lastSeenAt: new Date(Date.now() - 10_000) }));
    expect(await lastSeen()).toEqual({ session: null, membership: null });

    const started = Date.now();
    await resolvePortalSession(t.db, authOf(person, sessionId, { lastSeenAt: new Date(Date.now() - 5 * 60_000) }));
    const seen = await lastSeen();
    expect(seen.session!.getTime()).toBeGreaterThanOrEqual(started - 1000);
    expect(seen.membership!.getTime()).toBe(seen.session!.getTime());
  });
});
