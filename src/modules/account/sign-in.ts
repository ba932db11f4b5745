import type { z } from 'zod';
import { executeAction } from '@/platform/actions/execute';
import { getAuth } from '@/platform/auth/auth';
import { getConfig } from '@/platform/config';
import { AppError } from '@/platform/http/errors';
import { requestMeta } from '@/platform/http/request-meta';
import { parseInput } from '@/platform/http/validation';
import { consumeRateLimit } from '@/platform/rate-limit/limiter';
import { createOrganizationForSignUp } from '../organizations/service';
import { viaBetterAuth } from './better-auth-errors';
import { requestResetInput, resetPasswordInput, signInInput, signUpInput, twoFactorChallengeInput } from './inputs';

// The builtin sign-in flows. Better Auth does the cryptography; these add validation, rate limits
// and the organization a sign-up brings. Cookies are set through Better Auth's nextCookies plugin.

function clientKey(headers: Headers, email?: string): string {
  return `${requestMeta(headers).ip ?? 'unknown'}:${email ?? ''}`;
}

export async function signIn(raw: unknown, headers: Headers): Promise<{ twoFactorRequired: boolean }> {
  const input = parseInput(signInInput, raw);
  await consumeRateLimit('sign_in', clientKey(headers, input.email));
  const auth = await getAuth();
  const result = await viaBetterAuth(() => auth.api.signInEmail({ body: { email: input.email, password: input.password }, headers }), 'password');
  return { twoFactorRequired: 'twoFactorRedirect' in result && Boolean(result.twoFactorRedirect) };
}

export async function signUp(raw: unknown, headers: Headers): Promise<void> {
  if (!getConfig().signupEnabled) throw new AppError('forbidden', 'Sign-up is turned off. Ask your administrator for an invitation.');
  const input: z.infer<typeof signUpInput> = parseInput(signUpInput, raw);
  await consumeRateLimit('sign_in', clientKey(headers, input.email));
  const auth = await getAuth();
  const { user } = await viaBetterAuth(
    () => auth.api.signUpEmail({ body: { name: input.name, email: input.email, password: input.password, callbackURL: '/account' }, headers }),
    'email',
  );
  await executeAction({ type: 'system', organizationId: null, ...requestMeta(headers) }, createOrganizationForSignUp, { userId: user.id, name: input.organizationName });
}

export async function completeTwoFactorSignIn(raw: unknown, headers: Headers): Promise<void> {
  const input = parseInput(twoFactorChallengeInput, raw);
  await consumeRateLimit('two_factor', clientKey(headers));
  const auth = await getAuth();
  if (input.method === 'totp') {
    await viaBetterAuth(() => auth.api.verifyTOTP({ body: { code: input.code }, headers }), 'code');
  } else {
    await viaBetterAuth(() => auth.api.verifyBackupCode({ body: { code: input.code }, headers }), 'code');
  }
}

/** Always answers the same way, so the form does not reveal which addresses have accounts. */
export async function requestPasswordReset(raw: unknown, headers: Headers): Promise<void> {
  const input = parseInput(requestResetInput, raw);
  await consumeRateLimit('password_reset', clientKey(headers, input.email));
  const auth = await getAuth();
  await viaBetterAuth(() => auth.api.requestPasswordReset({ body: { email: input.email, redirectTo: '/reset-password' }, headers }), 'email');
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
