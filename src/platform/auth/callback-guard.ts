import { APIError, createAuthMiddleware } from 'better-auth/api';
import { redirectPrefixes, resolveRedirectTarget } from '../http/redirect-target';

const CALLBACK_FIELDS = ['callbackURL', 'redirectTo', 'errorCallbackURL', 'newUserCallbackURL'] as const;

/**
 * Better Auth's own origin check lets `/.//evil.example` through, and appending `?error=` to it turns
 * it into `//evil.example`. Every callback a request names, in its query or body, must resolve like
 * `next=` does, or the request is refused before Better Auth acts on it.
 */
export const callbackGuard = createAuthMiddleware(async (ctx) => {
  for (const source of [ctx.query, ctx.body] as Array<Record<string, unknown> | undefined>) {
    for (const field of CALLBACK_FIELDS) {
      const value = source?.[field];
      if (value !== undefined && resolveRedirectTarget(value, redirectPrefixes().callback) === null) {
        throw new APIError('BAD_REQUEST', { code: 'INVALID_CALLBACK_URL', message: 'This link points outside the portal.' });
      }
    }
  }
});
