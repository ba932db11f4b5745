import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { executeAction } from '@/platform/actions/execute';
import { getAuth } from '@/platform/auth/auth';
import { user } from '@/platform/auth/schema';
import { authenticatorFrom, freshCode } from '../../../tests/support/e2e-totp';
import { cookieOf, signedInOwner as signedInOwnerOf } from '../../../tests/support/account-fixtures';
import { rejectionOf } from '../../../tests/support/errors';
import { auditOf, eventsOf } from '../../../tests/support/team-fixtures';
import { useTestDatabase } from '../../../tests/support/test-db';
import { changeEmail, changePassword, disableTwoFactor } from './actions';

// The security notices a person cannot switch off start as events of the actions that change how
// they sign in; each action goes through Better Auth with the person's own session, as the forms do.

const t = useTestDatabase();

const signedInOwner = () => signedInOwnerOf(t.db);

async function eventTypes(organizationId: string, userId: string) {
  return (await eventsOf(t.db, organizationId)).filter((e) => (e.payload as { userId?: string }).userId === userId).map((e) => e.type);
}

describe('security notices', () => {
  it('a password change emits account.password_changed for the person', async () => {
    const { actor, headers, password } = await signedInOwner();
    await executeAction(actor, changePassword, { currentPassword: password, newPassword: 'another-long-password', confirmPassword: 'another-long-password' }, { headers });
    expect(await eventTypes(actor.organizationId!, (actor as { userId: string }).userId)).toContain('account.password_changed');
  });

  it('an email change request emits account.email_change_requested while the old address is theirs', async () => {
    const { actor, headers } = await signedInOwner();
    await executeAction(actor, changeEmail, { newEmail: `moved-${randomUUID().slice(0, 8)}@example.test` }, { headers });
    expect(await eventTypes(actor.organizationId!, (actor as { userId: string }).userId)).toContain('account.email_change_requested');
  });

  it('turning two-factor off emits account.two_factor_disabled', async () => {
    const { actor, headers, password } = await signedInOwner();
    const userId = (actor as { userId: string }).userId;
    // Turned on as the Account screen does; verifying the first code replaces the session, so its new cookie signs the rest.
    const auth = await getAuth();
    const enrolment = await auth.api.enableTwoFactor({ body: { password }, headers });
    if (enrolment.method !== 'totp') throw new Error('expected a TOTP enrolment');
    const { totpURI } = enrolment;
    const verified = await auth.api.verifyTOTP({ body: { code: await freshCode(authenticatorFrom(totpURI)) }, headers, returnHeaders: true });
    const renewed = new Headers({ cookie: cookieOf(verified.headers) });
    expect(await eventTypes(actor.organizationId!, userId)).not.toContain('account.two_factor_disabled');

    await executeAction(actor, disableTwoFactor, { password }, { headers: renewed });

    expect(await eventTypes(actor.organizationId!, userId)).toContain('account.two_factor_disabled');
    const [row] = await t.db.select({ on: user.twoFactorEnabled }).from(user).where(eq(user.id, userId));
    expect(row?.on).toBe(false);
  });

  it('a password changed in Better Auth whose local write then fails is still audited', async () => {
    const { actor, headers, password } = await signedInOwner();
    const userId = (actor as { userId: string }).userId;
    // The database refuses the action's event for real: its transaction rolls back, the new password stays.
    await t.db.execute(sql`alter table outbox add constraint test_refused check (type <> 'account.password_changed') not valid`);
    try {
      await rejectionOf(executeAction(actor, changePassword, { currentPassword: password, newPassword: 'refused-long-password', confirmPassword: 'refused-long-password' }, { headers }));
    } finally {
      await t.db.execute(sql`alter table outbox drop constraint test_refused`);
    }

    await (await getAuth()).api.signInEmail({ body: { email: (actor as { email: string }).email, password: 'refused-long-password' } });
    const audit = await auditOf(t.db, actor.organizationId!, ['account.change_password']);
    expect(audit).toMatchObject([{ actorId: userId, entityType: 'user', entityId: userId, after: { otherSessionsRevoked: true, localWrite: 'failed', reason: 'sqlstate_23514', compensation: 'none' } }]);
  });
});
