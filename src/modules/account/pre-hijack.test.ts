import { randomUUID } from 'node:crypto';
import { createEmailVerificationToken } from 'better-auth/api';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { hostActor, useTestDatabase } from '../../../tests/support/test-db';
import { executeAction } from '@/platform/actions/execute';
import { auditLog } from '@/platform/actions/schema';
import { getAuth } from '@/platform/auth/auth';
import { redeemHandoff } from '@/platform/auth/handoff-redeem';
import { account, session, twoFactor, user, verification } from '@/platform/auth/schema';
import { membership, organization } from '@/platform/tenancy/schema';
import { createPortalSession } from '../organizations/service';
import { requestPasswordReset, signUp } from './sign-in';

// Account pre-hijack: someone signs up with an address they do not own and waits for its owner to
// arrive through the host. The host's word about the address must win over the unverified sign-up.

const t = useTestDatabase();

let seq = 0;
function victim() {
  seq++;
  const id = `${seq}-${randomUUID().slice(0, 8)}`;
  return {
    email: `victim-${id}@corp.example`,
    attackerPassword: `attacker-${id}-password`,
    host: { user: { externalId: `host-user-${id}`, email: `victim-${id}@corp.example`, name: 'Vic Tim' }, organization: { externalId: `host-org-${id}`, name: 'Corp' } },
  };
}

async function attackerSignsUp(email: string, password: string): Promise<{ userId: string; organizationId: string }> {
  await signUp({ name: 'Mallory', email, password, organizationName: 'Corp (not really)' }, new Headers());
  const [row] = await t.db
    .select({ userId: user.id, organizationId: membership.organizationId })
    .from(user)
    .innerJoin(membership, eq(membership.userId, user.id))
    .where(eq(user.email, email.toLowerCase()));
  return row!;
}

async function passwordSignsIn(email: string, password: string): Promise<boolean> {
  const auth = await getAuth();
  return auth.api.signInEmail({ body: { email, password } }).then(
    () => true,
    () => false,
  );
}

/** The link in the verification mail the sign-up sent to the address's real owner. */
async function ownerClicksVerificationLink(email: string): Promise<Response> {
  const auth = await getAuth();
  const token = await createEmailVerificationToken((await auth.$context).secret, email);
  return auth.handler(new Request(`http://localhost:3000/api/auth/verify-email?token=${token}&callbackURL=%2Faccount`));
}

async function hostHandoff(body: ReturnType<typeof victim>['host']) {
  return executeAction(hostActor, createPortalSession, body);
}

async function membershipsOf(userId: string) {
  return t.db
    .select({ organizationExternalId: organization.externalId, role: membership.role })
    .from(membership)
    .innerJoin(organization, eq(organization.id, membership.organizationId))
    .where(eq(membership.userId, userId));
}

async function signInMeans(userId: string) {
  const rows = async (table: typeof account | typeof session | typeof twoFactor) => (await t.db.select({ id: table.id }).from(table).where(eq(table.userId, userId))).length;
  return { credentials: await rows(account), sessions: await rows(session), twoFactor: await rows(twoFactor) };
}

describe('a handoff for the address of an unverified builtin sign-up', () => {
  it('replays the attack: the host user gets the account, the sign-up password never opens it, not even after the verification click', async () => {
    const v = victim();
    const attacker = await attackerSignsUp(v.email, v.attackerPassword);

    const { url } = await hostHandoff(v.host);

    const [row] = await t.db.select().from(user).where(eq(user.id, attacker.userId));
    expect(row).toMatchObject({ externalId: v.host.user.externalId, emailVerified: true, name: 'Vic Tim' });
    expect(await signInMeans(attacker.userId)).toEqual({ credentials: 0, sessions: 0, twoFactor: 0 });
    expect(await membershipsOf(attacker.userId)).toEqual([{ organizationExternalId: v.host.organization.externalId, role: 'owner' }]);
    expect(await t.db.select().from(membership).where(eq(membership.organizationId, attacker.organizationId))).toEqual([]);
    expect(await passwordSignsIn(v.email, v.attackerPassword)).toBe(false);

    // The real owner clicks the mail the sign-up sent: it opens nothing and signs nobody in.
    const click = await ownerClicksVerificationLink(v.email);
    expect(click.status).toBe(302);
    expect(click.headers.getSetCookie().filter((c) => c.includes('session_token='))).toEqual([]);
    expect(await passwordSignsIn(v.email, v.attackerPassword)).toBe(false);

    // The handoff lands the host user in the host's organization.
    const grant = await redeemHandoff(t.db, new URL(url).searchParams.get('token')!);
    const [hostOrg] = await t.db.select({ id: organization.id }).from(organization).where(eq(organization.externalId, v.host.organization.externalId));
    expect(grant).toMatchObject({ userId: attacker.userId, organizationId: hostOrg!.id });

    // Signing up again with the address is refused and changes nothing.
    const before = await t.db.select().from(user).where(eq(user.id, attacker.userId));
    await expect(signUp({ name: 'Mallory', email: v.email, password: `${v.attackerPassword}-2`, organizationName: 'Again' }, new Headers())).rejects.toThrow();
    expect(await t.db.select().from(user).where(eq(user.id, attacker.userId))).toEqual(before);
    expect(await signInMeans(attacker.userId)).toEqual({ credentials: 0, sessions: 0, twoFactor: 0 });
  });

  it('records what it dropped in the audit row, by count and organization id only', async () => {
    const v = victim();
    const attacker = await attackerSignsUp(v.email, v.attackerPassword);
    const [hash] = await t.db.select({ password: account.password }).from(account).where(eq(account.userId, attacker.userId));
    await hostHandoff(v.host);

    const [hostOrg] = await t.db.select({ id: organization.id }).from(organization).where(eq(organization.externalId, v.host.organization.externalId));
    const [audit] = await t.db.select().from(auditLog).where(and(eq(auditLog.organizationId, hostOrg!.id), eq(auditLog.action, 'host.create_portal_session')));
    expect(audit!.after).toMatchObject({
      userId: attacker.userId,
      replacedUnverifiedSignUp: { credentials: 1, sessions: 0, twoFactor: 0, resetLinks: 0, leftOrganizations: [attacker.organizationId] },
    });
    const written = JSON.stringify(audit);
    expect(written).not.toContain(v.attackerPassword);
    expect(written).not.toContain(hash!.password!);
  });

  it('drops sessions, two-factor and pending reset links the sign-up had, and the address typed in another case', async () => {
    const v = victim();
    const attacker = await attackerSignsUp(v.email.toUpperCase(), v.attackerPassword);
    // What a sign-up might hold by the time the owner arrives, however it got there.
    await t.db.insert(session).values({ id: randomUUID(), token: randomUUID(), userId: attacker.userId, expiresAt: new Date(Date.now() + 86_400_000) });
    await t.db.insert(twoFactor).values({ id: randomUUID(), userId: attacker.userId, secret: 'attacker-totp-secret', backupCodes: 'attacker-codes' });
    await requestPasswordReset({ email: v.email }, new Headers());
    const resetLinks = () => t.db.select().from(verification).where(eq(verification.value, attacker.userId));
    expect(await resetLinks()).toHaveLength(1);

    const { url } = await hostHandoff(v.host);

    expect(url).toBeTruthy();
    expect(await signInMeans(attacker.userId)).toEqual({ credentials: 0, sessions: 0, twoFactor: 0 });
    expect(await resetLinks()).toEqual([]);
    const [row] = await t.db.select({ externalId: user.externalId, twoFactorEnabled: user.twoFactorEnabled }).from(user).where(eq(user.id, attacker.userId));
    expect(row).toEqual({ externalId: v.host.user.externalId, twoFactorEnabled: false });
  });

  it('a later handoff of the same person finds the account and drops nothing more', async () => {
    const v = victim();
    const attacker = await attackerSignsUp(v.email, v.attackerPassword);
    await hostHandoff(v.host);
    await hostHandoff(v.host);

    const [hostOrg] = await t.db.select({ id: organization.id }).from(organization).where(eq(organization.externalId, v.host.organization.externalId));
    const audits = await t.db.select({ after: auditLog.after }).from(auditLog).where(and(eq(auditLog.organizationId, hostOrg!.id), eq(auditLog.action, 'host.create_portal_session'))).orderBy(auditLog.id);
    expect(audits.map((a) => (a.after as { replacedUnverifiedSignUp: unknown }).replacedUnverifiedSignUp === null)).toEqual([false, true]);
    expect(await membershipsOf(attacker.userId)).toEqual([{ organizationExternalId: v.host.organization.externalId, role: 'owner' }]);
  });
});

describe('a handoff for the address of a verified builtin account', () => {
  it('links it and keeps its password, sessions and memberships', async () => {
    const v = victim();
    const owner = await attackerSignsUp(v.email, v.attackerPassword);
    await t.db.update(user).set({ emailVerified: true }).where(eq(user.id, owner.userId));
    expect(await passwordSignsIn(v.email, v.attackerPassword)).toBe(true);

    await hostHandoff(v.host);

    expect(await passwordSignsIn(v.email, v.attackerPassword)).toBe(true);
    expect((await signInMeans(owner.userId)).credentials).toBe(1);
    const orgs = await membershipsOf(owner.userId);
    expect(orgs).toHaveLength(2);
    expect(orgs).toContainEqual({ organizationExternalId: v.host.organization.externalId, role: 'owner' });
  });
});
