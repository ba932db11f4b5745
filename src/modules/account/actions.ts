import { and, eq, ne } from 'drizzle-orm';
import { publicPath } from '@/platform/http/portal-path';
import type { Actor } from '@/platform/actions/actor';
import { defineAction } from '@/platform/actions/define';
import { getAuth } from '@/platform/auth/auth';
import { EMAIL_CHANGED_PATH } from '@/platform/auth/change-email-link';
import { session, user } from '@/platform/auth/schema';
import { forbidden, notFound } from '@/platform/http/errors';
import { viaBetterAuth } from './better-auth-errors';
import {
  changeEmailInput,
  changePasswordInput,
  noInput,
  passwordOnlyInput,
  profileInput,
  revokeSessionInput,
  verifyTwoFactorInput,
} from './inputs';

function userIdOf(actor: { type: string; userId?: string }): string {
  if (actor.type !== 'user' || !actor.userId) throw notFound('User');
  return actor.userId;
}

/** A Better Auth change made in `prepare`, recorded if the action's transaction then fails. */
function changeOfUser(actor: Actor, after: Record<string, unknown>) {
  return { entityType: 'user', entityId: 'userId' in actor ? actor.userId : '', after };
}

export const updateProfile = defineAction({
  name: 'account.update_profile',
  input: profileInput,
  async run({ actor, tx, emit }, input) {
    const id = userIdOf(actor);
    const [before] = await tx.select({ name: user.name }).from(user).where(eq(user.id, id)).for('update');
    const [after] = await tx.update(user).set({ name: input.name, updatedAt: new Date() }).where(eq(user.id, id)).returning({ id: user.id, email: user.email, name: user.name });
    emit('user.profile_updated', { userId: id });
    return { result: { user: after! }, audit: { entityType: 'user', entityId: id, before, after: { name: after!.name } } };
  },
});

/**
 * Asks Better Auth for the change; the link to the new address is mailed by the consumer of the event
 * (account/email-change-mail.ts). The change takes effect only when that link is followed.
 */
export const changeEmail = defineAction({
  name: 'account.change_email',
  input: changeEmailInput,
  async prepare({ headers }, input) {
    const auth = await getAuth();
    await viaBetterAuth(() => auth.api.changeEmail({ body: { newEmail: input.newEmail, callbackURL: publicPath(EMAIL_CHANGED_PATH) }, headers }), 'newEmail');
  },
  // Not undone: the mail with the link is sent, and a pending change cannot be withdrawn in Better Auth.
  outsideChange: (_prepared, input, actor) => changeOfUser(actor, { emailChangeRequestedTo: input.newEmail }),
  async run({ actor, emit }, input) {
    const id = userIdOf(actor);
    emit('account.email_change_requested', { userId: id, email: 'email' in actor ? actor.email : '', newEmail: input.newEmail });
    return { result: { pendingEmail: input.newEmail }, audit: { entityType: 'user', entityId: id, after: { emailChangeRequestedTo: input.newEmail } } };
  },
});

export const changePassword = defineAction({
  name: 'account.change_password',
  input: changePasswordInput,
  async prepare({ headers }, input) {
    const auth = await getAuth();
    await viaBetterAuth(
      () => auth.api.changePassword({ body: { currentPassword: input.currentPassword, newPassword: input.newPassword, revokeOtherSessions: true }, headers }),
      'currentPassword',
    );
  },
  // Not undone: the old password is not known in a form that could be set back, and the person asked for the new one.
  outsideChange: (_prepared, _input, actor) => changeOfUser(actor, { passwordChanged: true, otherSessionsRevoked: true }),
  async run({ actor, emit }) {
    emit('account.password_changed', { userId: userIdOf(actor) });
    return { result: { changed: true }, audit: { entityType: 'user', entityId: userIdOf(actor), after: { passwordChanged: true, otherSessionsRevoked: true } } };
  },
});

/** Step one of enrolment: a secret and backup codes, shown once; 2FA is on only after a code is verified. */
export const enableTwoFactor = defineAction({
  name: 'account.enable_two_factor',
  input: passwordOnlyInput,
  async prepare({ headers }, input) {
    const auth = await getAuth();
    return viaBetterAuth(() => auth.api.enableTwoFactor({ body: { password: input.password }, headers }), 'password');
  },
  // Not undone: an enrolment not verified yet changes nothing at sign-in; starting again replaces it.
  outsideChange: (_prepared, _input, actor) => changeOfUser(actor, { twoFactorEnrolmentStarted: true }),
  async run({ actor }, _input, enrolment) {
    const { totpURI, backupCodes } = enrolment as { totpURI: string; backupCodes: string[] };
    return { result: { totpURI, backupCodes }, audit: { entityType: 'user', entityId: userIdOf(actor), after: { twoFactorEnrolmentStarted: true } } };
  },
});

export const verifyTwoFactor = defineAction({
  name: 'account.verify_two_factor',
  input: verifyTwoFactorInput,
  async prepare({ headers }, input) {
    const auth = await getAuth();
    await viaBetterAuth(() => auth.api.verifyTOTP({ body: { code: input.code }, headers }), 'code');
  },
  // Not undone: turning it off again needs the password, which this step does not have.
  outsideChange: (_prepared, _input, actor) => changeOfUser(actor, { twoFactorEnabled: true }),
  async run({ actor }) {
    return { result: { enabled: true }, audit: { entityType: 'user', entityId: userIdOf(actor), before: { twoFactorEnabled: false }, after: { twoFactorEnabled: true } } };
  },
});

export const disableTwoFactor = defineAction({
  name: 'account.disable_two_factor',
  input: passwordOnlyInput,
  async prepare({ headers }, input) {
    const auth = await getAuth();
    await viaBetterAuth(() => auth.api.disableTwoFactor({ body: { password: input.password }, headers }), 'password');
  },
  // Not undone: turning it on again needs a new enrolment by the person.
  outsideChange: (_prepared, _input, actor) => changeOfUser(actor, { twoFactorEnabled: false }),
  async run({ actor, emit }) {
    emit('account.two_factor_disabled', { userId: userIdOf(actor) });
    return { result: { enabled: false }, audit: { entityType: 'user', entityId: userIdOf(actor), before: { twoFactorEnabled: true }, after: { twoFactorEnabled: false } } };
  },
});

export const revokeSession = defineAction({
  name: 'account.revoke_session',
  input: revokeSessionInput,
  async run({ actor, tx }, input) {
    const id = userIdOf(actor);
    const [revoked] = await tx
      .delete(session)
      .where(and(eq(session.id, input.sessionId), eq(session.userId, id)))
      .returning({ id: session.id, userAgent: session.userAgent, ipAddress: session.ipAddress });
    if (!revoked) throw notFound('Session');
    return { result: { revoked: revoked.id }, audit: { entityType: 'session', entityId: revoked.id, before: { userAgent: revoked.userAgent, ip: revoked.ipAddress }, after: null } };
  },
});

export const revokeOtherSessions = defineAction({
  name: 'account.revoke_other_sessions',
  input: noInput,
  async run({ actor, tx }) {
    const id = userIdOf(actor);
    const current = actor.type === 'user' ? actor.sessionId : undefined;
    if (!current) throw forbidden('Only a signed-in session can sign out the others.');
    const revoked = await tx.delete(session).where(and(eq(session.userId, id), ne(session.id, current))).returning({ id: session.id });
    return { result: { revoked: revoked.length }, audit: { entityType: 'user', entityId: id, after: { sessionsRevoked: revoked.length } } };
  },
});
