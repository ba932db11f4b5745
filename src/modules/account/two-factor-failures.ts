import { getAuth } from '@/platform/auth/auth';
import { AppError } from '@/platform/http/errors';
import { assertNotLocked, clearFailures, countFailure } from '@/platform/rate-limit/limiter';

// Wrong second-factor codes are counted per user, across pending sign-ins: signing in with the password
// again starts a new pending sign-in (with Better Auth's own per-attempt count) but not a new allowance.

/** What is read of a Better Auth instance here: its two-factor cookie's name and the pending sign-ins. */
type PendingSignIns = {
  createAuthCookie(name: string): { name: string };
  internalAdapter: { findVerificationValue(identifier: string): Promise<{ value: string } | null> };
};

/** The user of the pending sign-in this request's two-factor cookie names; null without one. */
async function pendingUserId(headers: Headers, context: PendingSignIns): Promise<string | null> {
  const cookieName = context.createAuthCookie('two_factor').name;
  const raw = headers
    .get('cookie')
    ?.split(';')
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${cookieName}=`))
    ?.slice(cookieName.length + 1);
  if (!raw) return null;
  const signed = decodeURIComponent(raw);
  const identifier = signed.slice(0, Math.max(0, signed.lastIndexOf('.')));
  if (!identifier) return null;
  const pending = await context.internalAdapter.findVerificationValue(identifier);
  return pending?.value ?? null;
}

/**
 * Refuses a locked user's code before checking it; counts a wrong one; a right one clears the count.
 * `auth` is the Better Auth instance the sign-in runs on: the customers' unless the staff's is given.
 */
export async function countingWrongCodes(headers: Headers, check: () => Promise<void>, auth: Promise<{ $context: Promise<PendingSignIns> }> = getAuth()): Promise<void> {
  const userId = await pendingUserId(headers, await (await auth).$context);
  if (!userId) return check(); // Better Auth refuses it: the sign-in attempt expired
  await assertNotLocked('two_factor_failures_user', userId);
  try {
    await check();
  } catch (error) {
    if (error instanceof AppError && error.code === 'unauthorized') await countFailure('two_factor_failures_user', userId);
    throw error;
  }
  await clearFailures('two_factor_failures_user', userId);
}
