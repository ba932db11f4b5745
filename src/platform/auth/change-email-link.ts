import { createEmailVerificationToken } from 'better-auth/api';
import { portalUrlFor } from '../http/portal-url';
import { publicPath } from '../http/portal-path';
import { authSecret } from './secret';

/** Where the link lands once the new address is confirmed. */
export const EMAIL_CHANGED_PATH = '/account?notice=email-changed';

/**
 * The link that confirms a new address, as Better Auth's `changeEmail` makes it for a verified account
 * (better-auth 1.7.x, routes/update-user: a JWT of the current and the new address with
 * `requestType: 'change-email-verification'`, to `<baseURL>/verify-email`). Made when its mail goes out,
 * by the consumer of `account.email_change_requested`, so the link is never in the outbox.
 * account/email-change-mail.test.ts follows one through Better Auth's own verify endpoint.
 */
export async function changeEmailLink(currentEmail: string, newEmail: string): Promise<string> {
  const token = await createEmailVerificationToken(authSecret(), currentEmail, newEmail, undefined, { requestType: 'change-email-verification' });
  return `${portalUrlFor('/api/auth')}/verify-email?token=${token}&callbackURL=${encodeURIComponent(publicPath(EMAIL_CHANGED_PATH))}`;
}

/** Whether a verification token Better Auth made is for an address change (it names the new address). */
export function isChangeEmailToken(token: string): boolean {
  const payload = token.split('.')[1];
  if (!payload) return false;
  try {
    return typeof (JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { updateTo?: unknown }).updateTo === 'string';
  } catch {
    return false;
  }
}
