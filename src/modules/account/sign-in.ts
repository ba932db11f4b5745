import type { z } from 'zod';
import { publicPath } from '@/platform/http/portal-path';
import { executeAction } from '@/platform/actions/execute';
import { getAuth } from '@/platform/auth/auth';
import { getConfig } from '@/platform/config';
import { getDb } from '@/platform/db/client';
import { AppError } from '@/platform/http/errors';
import { requestMeta } from '@/platform/http/request-meta';
import { parseInput } from '@/platform/http/validation';
import { addressKey } from '@/platform/rate-limit/address-key';
import { consumeRateLimit } from '@/platform/rate-limit/limiter';
import { createOrganizationForSignUp } from '../organizations/service';
import { previewInvitation } from '../team/service';
import { viaBetterAuth } from './better-auth-errors';
import { assertSignInAllowed, countingWrongPasswords, forgetWrongPasswords } from './sign-in-failures';
import { countingWrongCodes } from './two-factor-failures';
import { requestResetInput, resetPasswordInput, signInInput, signUpInput, twoFactorChallengeInput } from './inputs';

// The builtin sign-in flows. Better Auth does the cryptography; these add validation, rate limits
// and the organization a sign-up brings. Cookies are set through Better Auth's nextCookies plugin.

function addressOf(headers: Headers): string {
  return addressKey(requestMeta(headers).ip);
}

function clientKey(headers: Headers, email?: string): string {
  return `${addressOf(headers)}:${email ?? ''}`;
}

/**
 * A locked address or account is refused before the password is checked, even the right one. Only
 * failures count (sign-in-failures.ts): a person signing in often is never slowed down.
 */
export async function signIn(raw: unknown, headers: Headers): Promise<{ twoFactorRequired: boolean }> {
  const input = parseInput(signInInput, raw);
  const address = addressOf(headers);
  await assertSignInAllowed(address, input.email);
  const auth = await getAuth();
  const result = await countingWrongPasswords(address, input.email, () =>
    viaBetterAuth(() => auth.api.signInEmail({ body: { email: input.email, password: input.password }, headers }), 'password'),
  );
  const twoFactorRequired = 'twoFactorRedirect' in result && Boolean(result.twoFactorRedirect);
  if (!twoFactorRequired) await forgetWrongPasswords(input.email);
  return { twoFactorRequired };
}

export async function signUp(raw: unknown, headers: Headers): Promise<void> {
  const input: z.infer<typeof signUpInput> = parseInput(signUpInput, raw);
  if (!getConfig().signupEnabled && !input.invitation) throw new AppError('forbidden', 'Sign-up is turned off. Ask your administrator for an invitation.');
  await consumeRateLimit('sign_in', clientKey(headers, input.email));
  if (input.invitation) await assertInvitationFor(input.invitation, input.email);
  const auth = await getAuth();
  // An invitee verifies their address and lands on the invitation to accept it; others in /account.
  const callbackURL = publicPath(input.invitation ? `/invitations/accept?token=${encodeURIComponent(input.invitation)}` : '/account');
  const { user } = await viaBetterAuth(
    () => auth.api.signUpEmail({ body: { name: input.name, email: input.email, password: input.password, callbackURL }, headers }),
    'email',
  );
  if (!input.invitation) {
    await executeAction({ type: 'system', organizationId: null, ...requestMeta(headers) }, createOrganizationForSignUp, { userId: user.id, name: input.organizationName });
  }
}

async function assertInvitationFor(token: string, email: string): Promise<void> {
  const invitation = await previewInvitation(await getDb(), token);
  if (invitation.state !== 'open') throw new AppError('validation_failed', 'This invitation is no longer valid. Ask for a new one.', { _: 'This invitation is no longer valid.' });
  if (invitation.email !== email) {
    throw new AppError('validation_failed', `This invitation is for ${invitation.email}.`, { email: `Use ${invitation.email}, the address the invitation was sent to.` });
  }
}

export async function completeTwoFactorSignIn(raw: unknown, headers: Headers): Promise<void> {
  const input = parseInput(twoFactorChallengeInput, raw);
  await consumeRateLimit('two_factor', addressOf(headers));
  const auth = await getAuth();
  await countingWrongCodes(headers, async () => {
    if (input.method === 'totp') await viaBetterAuth(() => auth.api.verifyTOTP({ body: { code: input.code }, headers }), 'code');
    else await viaBetterAuth(() => auth.api.verifyBackupCode({ body: { code: input.code }, headers }), 'code');
  });
}

/** Always answers the same way, so the form does not reveal which addresses have accounts. */
export async function requestPasswordReset(raw: unknown, headers: Headers): Promise<void> {
  const input = parseInput(requestResetInput, raw);
  await consumeRateLimit('password_reset', clientKey(headers, input.email));
  const auth = await getAuth();
  await viaBetterAuth(() => auth.api.requestPasswordReset({ body: { email: input.email, redirectTo: publicPath('/reset-password') }, headers }), 'email');
}

export async function resetPassword(raw: unknown, headers: Headers): Promise<void> {
  const input = parseInput(resetPasswordInput, raw);
  await consumeRateLimit('password_reset', clientKey(headers, input.token));
  const auth = await getAuth();
  await viaBetterAuth(() => auth.api.resetPassword({ body: { token: input.token, newPassword: input.newPassword } }), 'newPassword');
}

export async function signOut(headers: Headers): Promise<void> {
  const auth = await getAuth();
  await auth.api.signOut({ headers });
}
