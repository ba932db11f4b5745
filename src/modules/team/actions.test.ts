import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { canChangeRole, canInviteAs, canRemove, canTransferOwnershipTo, can, roles, type Role } from '@config/permissions';
import { rejectionOf } from '../../../tests/support/errors';
import {
  auditOf,
  eventsOf,
  invitationLinkToken,
  invitationsOf,
  membershipsOf,
  personActor,
  roleOf,
  seedTeam,
  teamSnapshot,
} from '../../../tests/support/team-fixtures';
import { portalSessionOf, seedOrg, seedSession, seedUser, useTestDatabase, userActor, type SeededOrg } from '../../../tests/support/test-db';
import type { Actor } from '@/platform/actions/actor';
import { executeAction } from '@/platform/actions/execute';
import { session } from '@/platform/auth/schema';
import { hashToken } from '@/platform/crypto/tokens';
import { AppError } from '@/platform/http/errors';
import { membership } from '@/platform/tenancy/schema';
import { acceptInvitation, changeRole, INVITATION_TTL_MS, inviteMember, leaveOrganization, removeMember, resendInvitation, revokeInvitation, transferOwnership } from './actions';
import { invitation } from './schema';

const t = useTestDatabase();
const DAY_MS = 24 * 60 * 60 * 1000;

let emails = 0;
function newEmail(): string {
  return `invitee-${process.pid}-${++emails}-${Math.random().toString(36).slice(2, 8)}@example.test`;
}

/** Invites, and issues the link the invitation mail would carry. */
async function invite(by: SeededOrg | Actor, email: string, role: Role = 'member') {
  const actor = 'type' in by ? by : userActor(by);
  const { invitation: created } = await executeAction(actor, inviteMember, { email, role });
  return { invitation: created, token: await invitationLinkToken(t.db, created.id) };
}

/** The actor of `member` as their (possibly stale) session still describes them. */
function staleActor(member: SeededOrg, role: Role): Actor {
  return userActor({ ...member, role });
}

async function allRowsAsText(table: 'invitation' | 'audit_log' | 'outbox', organizationId: string): Promise<string> {
  const result = await t.db.execute<{ j: string }>(sql`select row_to_json(x)::text as j from ${sql.identifier(table)} x where x.organization_id = ${organizationId}`);
  return (result as unknown as { rows: { j: string }[] }).rows.map((r) => r.j).join('\n');
}

async function expectCode(promise: Promise<unknown>, code: AppError['code']): Promise<AppError> {
  const error = await rejectionOf(promise);
  expect(error).toBeInstanceOf(AppError);
  expect(error).toMatchObject({ code });
  return error as AppError;
}

// ---------------------------------------------------------------------------------------------

describe('invite', () => {
  it('stores only the hash of a single-use token, expires in 7 days, and audits and emits without the token', async () => {
    const team = await seedTeam(t.db);
    const email = newEmail();
    const before = Date.now();
    const { invitation: created, token } = await invite(team.owner, email, 'billing');
    const after = Date.now();

    const rows = await invitationsOf(t.db, team.organizationId);
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(row).toMatchObject({ id: created.id, email, role: 'billing', invitedBy: team.owner.userId, acceptedAt: null, revokedAt: null });
    expect(row!.tokenHash).toBe(hashToken(token));
    expect(token.length).toBeGreaterThanOrEqual(32);
    expect(await allRowsAsText('invitation', team.organizationId)).not.toContain(token);

    expect(row!.expiresAt.getTime()).toBeGreaterThanOrEqual(before + 7 * DAY_MS);
    expect(row!.expiresAt.getTime()).toBeLessThanOrEqual(after + 7 * DAY_MS);
    expect(INVITATION_TTL_MS).toBe(7 * DAY_MS);

    const audit = await auditOf(t.db, team.organizationId);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'team.invite', actorId: team.owner.userId, entityType: 'invitation', entityId: created.id, after: { email, role: 'billing' } });
    const events = await eventsOf(t.db, team.organizationId);
    expect(events.map((e) => [e.type, e.payload])).toEqual([['team.member_invited', { invitationId: created.id, email, role: 'billing' }]]);

    for (const table of ['audit_log', 'outbox'] as const) {
      const text = await allRowsAsText(table, team.organizationId);
      expect(text).not.toContain(token);
      expect(text).not.toContain(hashToken(token));
    }
  });

  it('stores the address in lower case', async () => {
    const team = await seedTeam(t.db);
    const email = newEmail();
    await invite(team.owner, email.toUpperCase());
    expect((await invitationsOf(t.db, team.organizationId)).map((i) => i.email)).toEqual([email]);
  });

  it('refuses to invite an existing member with 409 and writes nothing', async () => {
    const team = await seedTeam(t.db, ['member']);
    const snapshot = await teamSnapshot(t.db, team.organizationId);
    const error = await expectCode(invite(team.owner, team.members[0]!.email.toUpperCase()), 'conflict');
    expect(error.status).toBe(409);
    expect(await teamSnapshot(t.db, team.organizationId)).toEqual(snapshot);
  });

  it('refuses a second pending invitation for the same address with 409', async () => {
    const team = await seedTeam(t.db);
    const email = newEmail();
    await invite(team.owner, email, 'member');
    const snapshot = await teamSnapshot(t.db, team.organizationId);
    const error = await expectCode(invite(team.owner, email.toUpperCase(), 'admin'), 'conflict');
    expect(error.status).toBe(409);
    expect(await teamSnapshot(t.db, team.organizationId)).toEqual(snapshot);
  });

  it('allows the same address to be invited by two organizations', async () => {
    const a = await seedTeam(t.db);
    const b = await seedTeam(t.db);
    const email = newEmail();
    await invite(a.owner, email);
    await invite(b.owner, email);
    expect(await invitationsOf(t.db, a.organizationId)).toHaveLength(1);
    expect(await invitationsOf(t.db, b.organizationId)).toHaveLength(1);
  });

  it('replaces an expired invitation: the old one is closed, the new one is the only open one', async () => {
    const team = await seedTeam(t.db);
    const email = newEmail();
    const first = await invite(team.owner, email, 'viewer');
    await t.db.update(invitation).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(invitation.id, first.invitation.id));

    const second = await invite(team.owner, email, 'member');

    const rows = await invitationsOf(t.db, team.organizationId);
    const old = rows.find((r) => r.id === first.invitation.id)!;
    const fresh = rows.find((r) => r.id === second.invitation.id)!;
    expect(old.revokedAt).not.toBeNull();
    expect(fresh).toMatchObject({ role: 'member', acceptedAt: null, revokedAt: null });
    expect(rows.filter((r) => !r.acceptedAt && !r.revokedAt).map((r) => r.id)).toEqual([second.invitation.id]);
    // The old link is dead; the new one works.
    const person = await seedUser(t.db, { email });
    await expectCode(executeAction(personActor(person), acceptInvitation, { token: first.token }), 'not_found');
    await executeAction(personActor(person), acceptInvitation, { token: second.token });
    expect(await roleOf(t.db, (await membershipsOf(t.db, team.organizationId)).find((m) => m.userId === person.userId)!.id)).toBe('member');
  });

  describe('seat limits', () => {
    it('at the Free plan limit (3 members) refuses with a message naming the plan and the way to billing', async () => {
      const team = await seedTeam(t.db, ['admin', 'member']);
      const snapshot = await teamSnapshot(t.db, team.organizationId);
      const error = await expectCode(invite(team.owner, newEmail()), 'conflict');
      expect(error.message).toContain('Free');
      expect(error.message).toContain('/account/billing');
      expect(error.message).toMatch(/\b3\b/);
      expect(await teamSnapshot(t.db, team.organizationId)).toEqual(snapshot);
    });

    it('counts open invitations as seats, but not expired ones', async () => {
      const team = await seedTeam(t.db, ['member']);
      const pending = await invite(team.owner, newEmail());
      const error = await expectCode(invite(team.owner, newEmail()), 'conflict');
      expect(error.message).toContain('Free');

      await t.db.update(invitation).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(invitation.id, pending.invitation.id));
      await invite(team.owner, newEmail());
    });

    it('frees the seat of a revoked invitation', async () => {
      const team = await seedTeam(t.db, ['member']);
      const pending = await invite(team.owner, newEmail());
      await expectCode(invite(team.owner, newEmail()), 'conflict');
      await executeAction(userActor(team.owner), revokeInvitation, { invitationId: pending.invitation.id });
      await invite(team.owner, newEmail());
    });

    it('lets the Pro plan go past 3 seats up to 10, and names Pro at its limit', async () => {
      const team = await seedTeam(t.db, ['admin', 'member', 'member'], { plan: 'pro' });
      for (let i = 0; i < 6; i++) await invite(team.owner, newEmail()); // 4 members + 6 invitations = 10
      const error = await expectCode(invite(team.owner, newEmail()), 'conflict');
      expect(error.message).toContain('Pro');
      expect(error.message).toContain('/account/billing');
    });

    it('has no limit on Enterprise', async () => {
      const team = await seedTeam(t.db, ['admin', 'member', 'member', 'viewer', 'viewer', 'viewer', 'viewer', 'viewer', 'viewer', 'viewer'], { plan: 'enterprise' });
      await invite(team.owner, newEmail());
      await invite(team.owner, newEmail());
    });
  });

  it('refuses a malformed email and an unknown role with field errors and writes nothing', async () => {
    const team = await seedTeam(t.db);
    const snapshot = await teamSnapshot(t.db, team.organizationId);
    const error = await expectCode(executeAction(userActor(team.owner), inviteMember, { email: 'not-an-email', role: 'superuser' }), 'validation_failed');
    expect(error.status).toBe(422);
    expect(error.fields).toEqual({ email: expect.any(String), role: expect.any(String) });
    await expectCode(executeAction(userActor(team.owner), inviteMember, { email: newEmail() }), 'validation_failed');
    await expectCode(executeAction(userActor(team.owner), inviteMember, { email: newEmail(), role: 'Owner ' }), 'validation_failed');
    expect(await teamSnapshot(t.db, team.organizationId)).toEqual(snapshot);
  });

  it.each(['billing', 'member', 'viewer'] as const)('refuses a %s (403) and writes nothing', async (role) => {
    const team = await seedTeam(t.db, [role]);
    const snapshot = await teamSnapshot(t.db, team.organizationId);
    const error = await expectCode(invite(team.members[0]!, newEmail(), 'viewer'), 'forbidden');
    expect(error.status).toBe(403);
    expect(await teamSnapshot(t.db, team.organizationId)).toEqual(snapshot);
  });

  it('refuses an admin inviting someone as owner, and the owner too: ownership only moves by transfer', async () => {
    const team = await seedTeam(t.db, ['admin']);
    const snapshot = await teamSnapshot(t.db, team.organizationId);
    await expectCode(invite(team.members[0]!, newEmail(), 'owner'), 'forbidden');
    await expectCode(invite(team.owner, newEmail(), 'owner'), 'forbidden');
    expect(await teamSnapshot(t.db, team.organizationId)).toEqual(snapshot);
    await invite(team.members[0]!, newEmail(), 'admin'); // an admin may invite up to their own role
  });

  it('refuses a member whose session still says admin after being demoted', async () => {
    const team = await seedTeam(t.db, ['admin']);
    const admin = team.members[0]!;
    await executeAction(userActor(team.owner), changeRole, { memberId: admin.membershipId, role: 'viewer' });
    const snapshot = await teamSnapshot(t.db, team.organizationId);
    await expectCode(invite(staleActor(admin, 'admin'), newEmail()), 'forbidden');
    expect(await teamSnapshot(t.db, team.organizationId)).toEqual(snapshot);
  });
});

describe('resend and revoke', () => {
  it('resend issues a fresh link and 7 fresh days; the old link stops working', async () => {
    const team = await seedTeam(t.db);
    const email = newEmail();
    const first = await invite(team.owner, email);
    await t.db.update(invitation).set({ expiresAt: new Date(Date.now() + DAY_MS) }).where(eq(invitation.id, first.invitation.id));

    const before = Date.now();
    await executeAction(userActor(team.owner), resendInvitation, { invitationId: first.invitation.id });
    const person = await seedUser(t.db, { email });
    // Dead at once, before the new link is mailed.
    await expectCode(executeAction(personActor(person), acceptInvitation, { token: first.token }), 'not_found');
    expect((await eventsOf(t.db, team.organizationId)).map((e) => [e.type, e.payload])).toEqual([
      ['team.member_invited', expect.anything()],
      ['team.invitation_resent', { invitationId: first.invitation.id, email, role: 'member' }],
    ]);

    const resentToken = await invitationLinkToken(t.db, first.invitation.id);
    expect(resentToken).not.toBe(first.token);
    const [row] = await invitationsOf(t.db, team.organizationId);
    expect(row!.tokenHash).toBe(hashToken(resentToken));
    expect(row!.expiresAt.getTime()).toBeGreaterThanOrEqual(before + 7 * DAY_MS);
    expect(await auditOf(t.db, team.organizationId, ['team.resend_invitation'])).toHaveLength(1);
    expect(await allRowsAsText('audit_log', team.organizationId)).not.toContain(resentToken);

    await executeAction(personActor(person), acceptInvitation, { token: resentToken });
  });

  it('revoke closes the invitation, audits it and emits team.invitation_revoked; the link then answers not_found', async () => {
    const team = await seedTeam(t.db, ['admin']);
    const email = newEmail();
    const { invitation: created, token } = await invite(team.owner, email, 'member');
    const { invitation: revoked } = await executeAction(userActor(team.members[0]!), revokeInvitation, { invitationId: created.id });
    expect(revoked).toMatchObject({ id: created.id, email, role: 'member' });
    expect((await invitationsOf(t.db, team.organizationId)).find((i) => i.id === created.id)?.revokedAt).not.toBeNull();
    expect((await auditOf(t.db, team.organizationId, ['team.revoke_invitation']))[0]).toMatchObject({ entityId: created.id, before: { email, status: 'pending' }, after: { status: 'revoked' } });
    expect((await eventsOf(t.db, team.organizationId)).map((e) => e.type)).toEqual(['team.member_invited', 'team.invitation_revoked']);

    const person = await seedUser(t.db, { email });
    await expectCode(executeAction(personActor(person), acceptInvitation, { token }), 'not_found');
    expect((await membershipsOf(t.db, team.organizationId)).some((m) => m.userId === person.userId)).toBe(false);
    // Revoking or resending it again: not_found.
    await expectCode(executeAction(userActor(team.owner), revokeInvitation, { invitationId: created.id }), 'not_found');
    await expectCode(executeAction(userActor(team.owner), resendInvitation, { invitationId: created.id }), 'not_found');
  });

  it("answers not_found for another organization's invitation and leaves it untouched", async () => {
    const mine = await seedTeam(t.db);
    const theirs = await seedTeam(t.db);
    await invite(theirs.owner, newEmail());
    const snapshot = await teamSnapshot(t.db, theirs.organizationId);
    const [foreign] = await invitationsOf(t.db, theirs.organizationId);

    for (const action of [resendInvitation, revokeInvitation]) {
      const error = await expectCode(executeAction(userActor(mine.owner), action, { invitationId: foreign!.id }), 'not_found');
      expect(error.status).toBe(404);
    }
    await expectCode(executeAction(userActor(mine.owner), revokeInvitation, { invitationId: 'no-such-invitation' }), 'not_found');
    expect(await teamSnapshot(t.db, theirs.organizationId)).toEqual(snapshot);
    expect(await auditOf(t.db, mine.organizationId)).toEqual([]);
  });

  it.each(['billing', 'member', 'viewer'] as const)('refuses a %s (403)', async (role) => {
    const team = await seedTeam(t.db, [role], { plan: 'pro' });
    const { invitation: created } = await invite(team.owner, newEmail());
    const snapshot = await teamSnapshot(t.db, team.organizationId);
    await expectCode(executeAction(userActor(team.members[0]!), revokeInvitation, { invitationId: created.id }), 'forbidden');
    await expectCode(executeAction(userActor(team.members[0]!), resendInvitation, { invitationId: created.id }), 'forbidden');
    expect(await teamSnapshot(t.db, team.organizationId)).toEqual(snapshot);
  });
});

describe('accept', () => {
  async function invited(role: Role = 'billing') {
    const team = await seedTeam(t.db);
    const email = newEmail();
    const { invitation: created, token } = await invite(team.owner, email, role);
    const person = await seedUser(t.db, { email });
    const signedIn = await seedSession(t.db, person.userId);
    return { team, email, created, token, person, sessionId: signedIn.id, sessionToken: signedIn.token };
  }

  it('makes the invited person a member with the invited role, lands their session in the organization', async () => {
    const { team, email, created, token, person, sessionId, sessionToken } = await invited('billing');
    expect(await portalSessionOf(t.db, sessionToken)).toBe('no_membership');

    const { membership: joined } = await executeAction(personActor(person, { sessionId }), acceptInvitation, { token });

    expect(joined).toMatchObject({ organizationId: team.organizationId, userId: person.userId, role: 'billing' });
    const [row] = (await membershipsOf(t.db, team.organizationId)).filter((m) => m.userId === person.userId);
    expect(row).toMatchObject({ id: joined.id, role: 'billing' });
    const [inv] = await invitationsOf(t.db, team.organizationId);
    expect(inv!.acceptedAt).not.toBeNull();
    expect(inv!.revokedAt).toBeNull();

    const [signedIn] = await t.db.select({ activeOrganizationId: session.activeOrganizationId }).from(session).where(eq(session.id, sessionId));
    expect(signedIn!.activeOrganizationId).toBe(team.organizationId);
    expect(await portalSessionOf(t.db, sessionToken)).toMatchObject({ organization: { id: team.organizationId }, role: 'billing' });

    const events = await eventsOf(t.db, team.organizationId);
    expect(events.map((e) => [e.type, e.payload])).toEqual([
      ['team.member_invited', expect.anything()],
      ['team.member_joined', { memberId: joined.id, userId: person.userId, role: 'billing', invitationId: created.id }],
    ]);
    const [audit] = await auditOf(t.db, team.organizationId, ['team.accept_invitation']);
    expect(audit).toMatchObject({ actorType: 'user', actorId: person.userId, entityType: 'member', entityId: joined.id, after: { email, role: 'billing' } });
    expect(JSON.stringify(audit)).not.toContain(token);
  });

  it('accepts when the signed-in address differs only in case', async () => {
    const { team, token, person } = await invited('viewer');
    await executeAction(personActor(person, { email: person.email.toUpperCase() }), acceptInvitation, { token });
    expect((await membershipsOf(t.db, team.organizationId)).map((m) => m.userId)).toContain(person.userId);
  });

  it('lets a signed-in member of another organization join too', async () => {
    const team = await seedTeam(t.db);
    const email = newEmail();
    const { token } = await invite(team.owner, email, 'member');
    const person = await seedUser(t.db, { email });
    const elsewhere = await seedOrg(t.db, { userId: person.userId, role: 'owner' });
    await executeAction(userActor(elsewhere), acceptInvitation, { token });
    expect((await membershipsOf(t.db, team.organizationId)).find((m) => m.userId === person.userId)).toMatchObject({ role: 'member' });
    expect((await membershipsOf(t.db, elsewhere.organizationId)).map((m) => [m.userId, m.role])).toEqual([[person.userId, 'owner']]);
  });

  it('refuses a person signed in with another address (403) and changes nothing', async () => {
    const { team, token } = await invited();
    const stranger = await seedUser(t.db);
    const snapshot = await teamSnapshot(t.db, team.organizationId);
    const error = await expectCode(executeAction(personActor(stranger), acceptInvitation, { token }), 'forbidden');
    expect(error.status).toBe(403);
    expect(await teamSnapshot(t.db, team.organizationId)).toEqual(snapshot);
    expect((await membershipsOf(t.db, team.organizationId)).some((m) => m.userId === stranger.userId)).toBe(false);
  });

  it('refuses an expired invitation with 409 and changes nothing', async () => {
    const { team, created, token, person } = await invited();
    await t.db.update(invitation).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(invitation.id, created.id));
    const snapshot = await teamSnapshot(t.db, team.organizationId);
    await expectCode(executeAction(personActor(person), acceptInvitation, { token }), 'conflict');
    expect(await teamSnapshot(t.db, team.organizationId)).toEqual(snapshot);
  });

  it('refuses a reused invitation with 409', async () => {
    const { team, token, person } = await invited();
    await executeAction(personActor(person), acceptInvitation, { token });
    const snapshot = await teamSnapshot(t.db, team.organizationId);
    await expectCode(executeAction(personActor(person), acceptInvitation, { token }), 'conflict');
    expect(await teamSnapshot(t.db, team.organizationId)).toEqual(snapshot);
  });

  it('answers not_found for an unknown token and refuses a request without one', async () => {
    const person = await seedUser(t.db);
    await expectCode(executeAction(personActor(person), acceptInvitation, { token: 'no-such-token' }), 'not_found');
    await expectCode(executeAction(personActor(person), acceptInvitation, {}), 'validation_failed');
    await expectCode(executeAction(null, acceptInvitation, { token: 'x' }), 'unauthorized');
  });
});

describe('change role', () => {
  it('changes the role, audits before and after and emits team.member_role_changed', async () => {
    const team = await seedTeam(t.db, ['member']);
    const target = team.members[0]!;
    const { member } = await executeAction(userActor(team.owner), changeRole, { memberId: target.membershipId, role: 'billing' });
    expect(member).toMatchObject({ id: target.membershipId, role: 'billing' });
    expect(await roleOf(t.db, target.membershipId)).toBe('billing');
    const [audit] = await auditOf(t.db, team.organizationId);
    expect(audit).toMatchObject({ action: 'team.change_role', entityType: 'member', entityId: target.membershipId, before: { email: target.email, role: 'member' }, after: { email: target.email, role: 'billing' } });
    expect((await eventsOf(t.db, team.organizationId)).map((e) => [e.type, e.payload])).toEqual([
      ['team.member_role_changed', { memberId: target.membershipId, userId: target.userId, from: 'member', to: 'billing' }],
    ]);
  });

  it('refuses to change one’s own role', async () => {
    const team = await seedTeam(t.db, ['admin']);
    const snapshot = await teamSnapshot(t.db, team.organizationId);
    await expectCode(executeAction(userActor(team.members[0]!), changeRole, { memberId: team.members[0]!.membershipId, role: 'member' }), 'forbidden');
    await expectCode(executeAction(userActor(team.owner), changeRole, { memberId: team.owner.membershipId, role: 'admin' }), 'forbidden');
    expect(await teamSnapshot(t.db, team.organizationId)).toEqual(snapshot);
  });

  it('refuses an admin changing the owner, and anyone making someone owner', async () => {
    const team = await seedTeam(t.db, ['admin', 'member']);
    const [admin, member] = team.members;
    const snapshot = await teamSnapshot(t.db, team.organizationId);
    for (const role of ['admin', 'viewer'] as const) {
      await expectCode(executeAction(userActor(admin!), changeRole, { memberId: team.owner.membershipId, role }), 'forbidden');
    }
    await expectCode(executeAction(userActor(team.owner), changeRole, { memberId: member!.membershipId, role: 'owner' }), 'forbidden');
    await expectCode(executeAction(userActor(admin!), changeRole, { memberId: member!.membershipId, role: 'owner' }), 'forbidden');
    expect(await teamSnapshot(t.db, team.organizationId)).toEqual(snapshot);
  });

  it("answers not_found for another organization's member or a missing one, and changes nothing", async () => {
    const mine = await seedTeam(t.db);
    const theirs = await seedTeam(t.db, ['member']);
    const snapshot = await teamSnapshot(t.db, theirs.organizationId);
    const error = await expectCode(executeAction(userActor(mine.owner), changeRole, { memberId: theirs.members[0]!.membershipId, role: 'viewer' }), 'not_found');
    expect(error.status).toBe(404);
    await expectCode(executeAction(userActor(mine.owner), changeRole, { memberId: 'no-such-member', role: 'viewer' }), 'not_found');
    expect(await teamSnapshot(t.db, theirs.organizationId)).toEqual(snapshot);
    expect(await auditOf(t.db, mine.organizationId)).toEqual([]);
  });

  it('refuses an unknown role with a field error', async () => {
    const team = await seedTeam(t.db, ['member']);
    const error = await expectCode(executeAction(userActor(team.owner), changeRole, { memberId: team.members[0]!.membershipId, role: 'root' }), 'validation_failed');
    expect(error.fields).toEqual({ role: expect.any(String) });
    expect(await roleOf(t.db, team.members[0]!.membershipId)).toBe('member');
  });
});

describe('remove', () => {
  it('removes the member, audits and emits team.member_removed; their session loses access at once', async () => {
    const team = await seedTeam(t.db, ['admin', 'member']);
    const [admin, target] = team.members;
    const theirSession = await seedSession(t.db, target!.userId, { activeOrganizationId: team.organizationId });
    expect(await portalSessionOf(t.db, theirSession.token)).toMatchObject({ organization: { id: team.organizationId }, role: 'member' });

    const { member } = await executeAction(userActor(admin!), removeMember, { memberId: target!.membershipId });

    expect(member).toMatchObject({ id: target!.membershipId, userId: target!.userId });
    expect((await membershipsOf(t.db, team.organizationId)).map((m) => m.id)).not.toContain(target!.membershipId);
    expect(await portalSessionOf(t.db, theirSession.token)).toBe('no_membership');
    // Their old actor (built from the stale session) is refused too.
    await expectCode(executeAction(userActor(target!), leaveOrganization, {}), 'forbidden');

    const [audit] = await auditOf(t.db, team.organizationId);
    expect(audit).toMatchObject({ action: 'team.remove_member', actorId: admin!.userId, entityType: 'member', entityId: target!.membershipId, before: { email: target!.email, role: 'member' }, after: null });
    expect((await eventsOf(t.db, team.organizationId)).map((e) => [e.type, e.payload])).toEqual([
      ['team.member_removed', { memberId: target!.membershipId, userId: target!.userId, role: 'member' }],
    ]);
  });

  it('a removed admin can no longer manage the team', async () => {
    const team = await seedTeam(t.db, ['admin', 'member']);
    const [admin, member] = team.members;
    await executeAction(userActor(team.owner), removeMember, { memberId: admin!.membershipId });
    const snapshot = await teamSnapshot(t.db, team.organizationId);
    await expectCode(invite(admin!, newEmail()), 'forbidden');
    await expectCode(executeAction(userActor(admin!), removeMember, { memberId: member!.membershipId }), 'forbidden');
    expect(await teamSnapshot(t.db, team.organizationId)).toEqual(snapshot);
  });

  it('never removes the owner', async () => {
    const team = await seedTeam(t.db, ['admin']);
    const snapshot = await teamSnapshot(t.db, team.organizationId);
    await expectCode(executeAction(userActor(team.members[0]!), removeMember, { memberId: team.owner.membershipId }), 'forbidden');
    await expectCode(executeAction(userActor(team.owner), removeMember, { memberId: team.owner.membershipId }), 'forbidden');
    expect(await teamSnapshot(t.db, team.organizationId)).toEqual(snapshot);
  });

  it("answers not_found for another organization's member", async () => {
    const mine = await seedTeam(t.db);
    const theirs = await seedTeam(t.db, ['member']);
    const snapshot = await teamSnapshot(t.db, theirs.organizationId);
    await expectCode(executeAction(userActor(mine.owner), removeMember, { memberId: theirs.members[0]!.membershipId }), 'not_found');
    expect(await teamSnapshot(t.db, theirs.organizationId)).toEqual(snapshot);
  });
});

describe('transfer ownership', () => {
  it('makes the target the owner and the old owner an admin, audited, with team.ownership_transferred', async () => {
    const team = await seedTeam(t.db, ['member', 'viewer']);
    const [target, bystander] = team.members;
    const { previousOwner, newOwner } = await executeAction(userActor(team.owner), transferOwnership, { memberId: target!.membershipId });

    expect(previousOwner).toMatchObject({ id: team.owner.membershipId, role: 'admin' });
    expect(newOwner).toMatchObject({ id: target!.membershipId, role: 'owner' });
    expect(await roleOf(t.db, team.owner.membershipId)).toBe('admin');
    expect(await roleOf(t.db, target!.membershipId)).toBe('owner');
    expect(await roleOf(t.db, bystander!.membershipId)).toBe('viewer');
    expect((await membershipsOf(t.db, team.organizationId)).filter((m) => m.role === 'owner')).toHaveLength(1);

    const [audit] = await auditOf(t.db, team.organizationId);
    expect(audit).toMatchObject({ action: 'team.transfer_ownership', before: { owner: team.owner.email }, after: { owner: target!.email } });
    expect((await eventsOf(t.db, team.organizationId)).map((e) => [e.type, e.payload])).toEqual([
      ['team.ownership_transferred', { from: team.owner.membershipId, to: target!.membershipId }],
    ]);

    // The old owner's session, still saying "owner", cannot transfer again.
    await expectCode(executeAction(userActor(team.owner), transferOwnership, { memberId: bystander!.membershipId }), 'forbidden');
    expect(await roleOf(t.db, target!.membershipId)).toBe('owner');
  });

  it('refuses anyone but the owner', async () => {
    const team = await seedTeam(t.db, ['admin', 'member']);
    const [admin, member] = team.members;
    const snapshot = await teamSnapshot(t.db, team.organizationId);
    await expectCode(executeAction(userActor(admin!), transferOwnership, { memberId: member!.membershipId }), 'forbidden');
    await expectCode(executeAction(userActor(admin!), transferOwnership, { memberId: admin!.membershipId }), 'forbidden');
    // An admin whose stale session claims ownership is refused by the re-read role.
    await expectCode(executeAction(staleActor(admin!, 'owner'), transferOwnership, { memberId: admin!.membershipId }), 'forbidden');
    expect(await teamSnapshot(t.db, team.organizationId)).toEqual(snapshot);
  });

  it("answers not_found for another organization's member and refuses a transfer to oneself", async () => {
    const mine = await seedTeam(t.db);
    const theirs = await seedTeam(t.db, ['member']);
    await expectCode(executeAction(userActor(mine.owner), transferOwnership, { memberId: theirs.members[0]!.membershipId }), 'not_found');
    await expectCode(executeAction(userActor(mine.owner), transferOwnership, { memberId: mine.owner.membershipId }), 'forbidden');
    expect(await roleOf(t.db, mine.owner.membershipId)).toBe('owner');
    expect(await roleOf(t.db, theirs.members[0]!.membershipId)).toBe('member');
  });
});

describe('leave', () => {
  it('a member leaves: membership gone, audited, team.member_removed emitted', async () => {
    const team = await seedTeam(t.db, ['member']);
    const me = team.members[0]!;
    await executeAction(userActor(me), leaveOrganization, {});
    expect((await membershipsOf(t.db, team.organizationId)).map((m) => m.id)).toEqual([team.owner.membershipId]);
    expect((await auditOf(t.db, team.organizationId))[0]).toMatchObject({ action: 'team.leave', entityId: me.membershipId, before: { role: 'member' }, after: null });
    expect((await eventsOf(t.db, team.organizationId)).map((e) => [e.type, e.payload])).toEqual([['team.member_removed', { memberId: me.membershipId, userId: me.userId, role: 'member', left: true }]]);
  });

  it('the owner cannot leave, even with a stale session that says otherwise', async () => {
    const team = await seedTeam(t.db, ['admin']);
    const snapshot = await teamSnapshot(t.db, team.organizationId);
    await expectCode(executeAction(userActor(team.owner), leaveOrganization, {}), 'forbidden');
    await expectCode(executeAction(staleActor(team.owner, 'admin'), leaveOrganization, {}), 'forbidden');
    expect(await teamSnapshot(t.db, team.organizationId)).toEqual(snapshot);
  });
});

// ---------------------------------------------------------------------------------------------
// The server applies config/permissions.ts (proven against the rules in config/permissions.test.ts)
// to every combination, whatever the UI shows.

describe('the server enforces the matrix and target rules for every role', () => {
  /** An organization with an owner, the actor (the owner itself when `actor` is owner) and a target. */
  async function arrange(actor: Role, target: Role) {
    const team = await seedTeam(t.db, [], { plan: 'enterprise' });
    const me = actor === 'owner' ? team.owner : await seedOrg(t.db, { organizationId: team.organizationId, role: actor });
    // The one owner is the target when the target role is owner (for an owner actor: itself).
    const them = target === 'owner' ? team.owner : await seedOrg(t.db, { organizationId: team.organizationId, role: target });
    return { team, me, them };
  }

  async function outcome(promise: Promise<unknown>): Promise<'allowed' | string> {
    try {
      await promise;
      return 'allowed';
    } catch (error) {
      return error instanceof AppError ? error.code : String(error);
    }
  }

  it('invite: every actor × every role', async () => {
    const wrong: string[] = [];
    for (const actor of roles) {
      const { me, team } = await arrange(actor, 'viewer');
      for (const role of roles) {
        const got = await outcome(invite(me, newEmail(), role));
        const expected = canInviteAs(actor, role) ? 'allowed' : 'forbidden';
        if (got !== expected) wrong.push(`${actor} invites as ${role}: expected ${expected}, got ${got}`);
      }
      const open = (await invitationsOf(t.db, team.organizationId)).map((i) => i.role).sort();
      expect(open).toEqual(roles.filter((r) => canInviteAs(actor, r)).sort());
    }
    expect(wrong).toEqual([]);
  });

  it('change role: every actor × every target × every new role', async () => {
    const wrong: string[] = [];
    for (const actor of roles) {
      for (const target of roles) {
        const { me, them } = await arrange(actor, target);
        for (const to of roles) {
          const got = await outcome(executeAction(userActor(me), changeRole, { memberId: them.membershipId, role: to }));
          const expected = canChangeRole(actor, target, to) ? 'allowed' : 'forbidden';
          if (got !== expected) wrong.push(`${actor} changes ${target} to ${to}: expected ${expected}, got ${got}`);
          const now = await roleOf(t.db, them.membershipId);
          if (now !== (got === 'allowed' ? to : target)) wrong.push(`${actor} changes ${target} to ${to}: role is now ${now}`);
          await t.db.update(membership).set({ role: target }).where(eq(membership.id, them.membershipId));
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('remove and transfer: every actor × every target', async () => {
    const wrong: string[] = [];
    for (const actor of roles) {
      for (const target of roles) {
        for (const [name, action, rule] of [
          ['remove', (a: Actor, memberId: string) => executeAction(a, removeMember, { memberId }), canRemove],
          ['transfer to', (a: Actor, memberId: string) => executeAction(a, transferOwnership, { memberId }), canTransferOwnershipTo],
        ] as const) {
          const { me, them, team } = await arrange(actor, target);
          const got = await outcome(action(userActor(me), them.membershipId));
          const expected = rule(actor, target) ? 'allowed' : 'forbidden';
          if (got !== expected) wrong.push(`${actor} ${name} ${target}: expected ${expected}, got ${got}`);
          const owners = (await membershipsOf(t.db, team.organizationId)).filter((m) => m.role === 'owner');
          if (owners.length !== 1) wrong.push(`${actor} ${name} ${target}: ${owners.length} owners`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('leave: every role', async () => {
    for (const actor of roles) {
      const { me, team } = await arrange(actor, 'viewer');
      const got = await outcome(executeAction(userActor(me), leaveOrganization, {}));
      expect(got, actor).toBe(can(actor, 'team.leave') ? 'allowed' : 'forbidden');
      expect((await membershipsOf(t.db, team.organizationId)).some((m) => m.id === me.membershipId), actor).toBe(got !== 'allowed');
    }
  });
});
