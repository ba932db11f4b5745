import { isAPIError } from 'better-auth/api';
import { AppError } from '@/platform/http/errors';

/**
 * Better Auth refuses with its own messages; these become our error codes with a message meant
 * for people. `field` names the form field the refusal is about.
 */
export async function viaBetterAuth<T>(call: () => Promise<T>, field = '_'): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (!isAPIError(error)) throw error;
    const status = Number(error.statusCode);
    const message = friendlyMessage(error.body?.code, error.message);
    if (status === 401) throw new AppError('unauthorized', message, { [field]: message });
    if (status === 403) throw new AppError('forbidden', message, { [field]: message });
    if (status === 429) throw new AppError('rate_limited', message, undefined, 60);
    throw new AppError('validation_failed', message, { [field]: message });
  }
}

const messages: Record<string, string> = {
  INVALID_EMAIL_OR_PASSWORD: 'That email and password do not match.',
  INVALID_PASSWORD: 'That password is not correct.',
  EMAIL_NOT_VERIFIED: 'Verify your email address first: we have sent you a new link.',
  USER_ALREADY_EXISTS: 'An account with that email already exists.',
  USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL: 'An account with that email already exists.',
  INVALID_CODE: 'That code is not correct.',
  INVALID_TWO_FACTOR_COOKIE: 'Your sign-in attempt expired. Please sign in again.',
  TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE: 'Too many wrong codes for this sign-in. Please sign in again.',
  INVALID_TOKEN: 'This link is invalid or has expired.',
  PASSWORD_TOO_SHORT: 'Use at least 10 characters.',
};

function friendlyMessage(code: string | undefined, fallback: string): string {
  return (code && messages[code]) || fallback || 'That did not work. Please try again.';
}
