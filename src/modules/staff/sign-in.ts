import { eq } from 'drizzle-orm';
import { headersWithCookieJar } from '@/platform/auth/jar-headers';
import { getStaffAuth, staffLinkIdentifier } from '@/platform/auth/staff-auth';
import { staffUser } from '@/platform/auth/staff-schema';
import { getDb } from '@/platform/db/client';
import { AppError, unauthorized } from '@/platform/http/errors';
import { requestMeta } from '@/platform/http/request-meta';
import { parseInput } from '@/platform/http/validation';
import { addressKey } from '@/platform/rate-limit/address-key';
import { consumeRateLimit } from '@/platform/rate-limit/limiter';
import {
  assertSignInAllowed,
  countingWrongCodes,
  countingWrongPasswords,
  forgetWrongPasswords,
  passwordOnlyInput,
  signInInput,
  twoFactorChallengeInput,
  verifyTwoFactorInput,
  viaBetterAuth,
} from '../account/service';
import { setUpInput } from './inputs';

// The builtin staff sign-in, for teams without a staff tool of their own. Better Auth (the staff
// instance) does the cryptography; the limits are the customers' ones, counted apart from them.

export type TotpEnrolment = { totpURI: string; backupCodes: string[] };

function addressOf(headers: Headers): string {
  return addressKey(requestMeta(headers).ip);
}

/** Failures are counted per staff address, never together with a customer account of the same address. */
const accountKey = (email: string) => `staff:${email}`;

const linkExpired = () => new AppError('validation_failed', 'This set-up link is invalid or has expired. Ask a lead for a new one.', { _: 'This link is invalid or has expired.' });

async function isDisabled(email: string): Promise<boolean> {
  const [found] = await (await getDb())
    .select({ disabledAt: staffUser.disabledAt }).from(staffUser).where(eq(staffUser.email, email));
  return Boolean(found?.disabledAt);
}

/** A disabled staff member is refused as a wrong password would be: the form does not tell who is staff. */
export async function signInStaff(raw: unknown, headers: Headers): Promise<{ twoFactorRequired: boolean }> {
  const input = parseInput(signInInput, raw);
  const address = addressOf(headers);
  await assertSignInAllowed(address, accountKey(input.email));
  const auth = await getStaffAuth();
  const result = await countingWrongPasswords(address, accountKey(input.email), async () => {
    if (await isDisabled(input.email)) throw unauthorized('That email and password do not match.');
    return viaBetterAuth(() => auth.api.signInEmail({ body: { email: input.email, password: input.password }, headers }), 'password');
  });
  const twoFactorRequired = 'twoFactorRedirect' in result && Boolean(result.twoFactorRedirect);
  if (!twoFactorRequired) await forgetWrongPasswords(accountKey(input.email));
  return { twoFactorRequired };
}

export async function completeStaffTwoFactor(raw: unknown, headers: Headers): Promise<void> {
  const input = parseInput(twoFactorChallengeInput, raw);
  await consumeRateLimit('two_factor', addressOf(headers));
  const auth = await getStaffAuth();
  const check = async () => {
    if (input.method === 'totp') await viaBetterAuth(() => auth.api.verifyTOTP({ body: { code: input.code }, headers }), 'code');
    else await viaBetterAuth(() => auth.api.verifyBackupCode({ body: { code: input.code }, headers }), 'code');
  };
  await countingWrongCodes(headers, check, getStaffAuth());
}

async function enrol(password: string, headers: Headers): Promise<TotpEnrolment> {
  const auth = await getStaffAuth();
  const enrolment = await viaBetterAuth(() => auth.api.enableTwoFactor({ body: { password, method: 'totp' }, headers }), 'password');
  if (enrolment.method !== 'totp') throw new Error('Better Auth enrolled another second factor than TOTP.');
  return { totpURI: enrolment.totpURI, backupCodes: enrolment.backupCodes };
}

/** Step one of the forced enrolment: the password again, then a TOTP secret and backup codes, shown once. */
export async function startStaffEnrolment(raw: unknown, headers: Headers): Promise<TotpEnrolment> {
  return enrol(parseInput(passwordOnlyInput, raw).password, headers);
}

/** Step two: a code from the app proves the enrolment, and two-factor is on. */
export async function verifyStaffEnrolment(raw: unknown, headers: Headers): Promise<void> {
  const input = parseInput(verifyTwoFactorInput, raw);
  await consumeRateLimit('two_factor', addressOf(headers));
  const auth = await getStaffAuth();
  await viaBetterAuth(() => auth.api.verifyTOTP({ body: { code: input.code }, headers }), 'code');
}

/**
 * A set-up link (from `npm run staff:add` or a lead's invitation) is used once: the person names
 * themselves and chooses a password, is signed in, and goes straight on to enrol TOTP.
 */
export async function setUpStaff(raw: unknown, headers: Headers): Promise<TotpEnrolment> {
  const input = parseInput(setUpInput, raw);
  await consumeRateLimit('password_reset', addressOf(headers));
  const auth = await getStaffAuth();
  const context = await auth.$context;
  const pending = await context.internalAdapter.findVerificationValue(staffLinkIdentifier.setUp(input.token));
  if (!pending || pending.expiresAt < new Date()) throw linkExpired();
  const [staff] = await (await getDb()).select().from(staffUser).where(eq(staffUser.id, pending.value));
  if (!staff || staff.disabledAt) throw linkExpired();
  await viaBetterAuth(() => auth.api.resetPassword({ body: { token: input.token, newPassword: input.newPassword } }), 'newPassword');
  await context.internalAdapter.updateUser(staff.id, { name: input.name });
  await viaBetterAuth(() => auth.api.signInEmail({ body: { email: staff.email, password: input.newPassword }, headers }), 'newPassword');
  return enrol(input.newPassword, await headersWithCookieJar());
}

export async function signOutStaff(headers: Headers): Promise<void> {
  await (await getStaffAuth()).api.signOut({ headers });
}
