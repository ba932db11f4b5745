import { eq } from 'drizzle-orm';
import { user } from '@/platform/auth/schema';
import { getDb } from '@/platform/db/client';
import { AppError } from '@/platform/http/errors';
import { logError } from '@/platform/logging/error-line';
import { sendMail } from '@/platform/mail/send-mail';
import { signInLockedMail } from '@/platform/mail/templates';
import { assertNotLocked, clearFailures, countFailure } from '@/platform/rate-limit/limiter';
import { portalUrlFor } from '@/platform/http/portal-url';

// Wrong passwords are counted per client address and per account, whatever the address: an attacker
// who spreads guesses over many addresses still locks only the account, for a while, and its owner
// is told. Counted for addresses without an account too, so the answers reveal nothing.

export async function assertSignInAllowed(address: string, email: string): Promise<void> {
  await assertNotLocked('sign_in_failures_address', address);
  await assertNotLocked('sign_in_failures_account', email);
}

/** Runs a password check; a wrong password counts against the address and the account. */
export async function countingWrongPasswords<T>(address: string, email: string, check: () => Promise<T>): Promise<T> {
  try {
    return await check();
  } catch (error) {
    if (error instanceof AppError && error.code === 'unauthorized') {
      await countFailure('sign_in_failures_address', address);
      const lockSeconds = await countFailure('sign_in_failures_account', email);
      // Not awaited: the answer takes as long whether or not the account exists.
      if (lockSeconds !== null) void noticeLockout(email, lockSeconds).catch((e: unknown) => logError('[sign-in] lockout notice', e));
    }
    throw error;
  }
}

export async function forgetWrongPasswords(email: string): Promise<void> {
  await clearFailures('sign_in_failures_account', email);
}

async function noticeLockout(email: string, lockSeconds: number): Promise<void> {
  const [account] = await (await getDb()).select({ name: user.name, email: user.email }).from(user).where(eq(user.email, email)).limit(1);
  if (!account) return;
  const minutes = Math.ceil(lockSeconds / 60);
  await sendMail({ to: account.email, ...signInLockedMail({ name: account.name, minutes, resetUrl: portalUrlFor('/forgot-password') }) });
}
