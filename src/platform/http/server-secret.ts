import { getServerSecret } from '../config/server-secret';
import { sameSecret } from '../crypto/tokens';
import { addressKey } from '../rate-limit/address-key';
import { assertNotLocked, countFailure } from '../rate-limit/limiter';
import { unauthorized } from './errors';
import { requestMeta } from './request-meta';

/** True when an Authorization header value is `Bearer <PORTAL_SERVER_SECRET>`. */
function isServerSecret(authorization: string | null | undefined): boolean {
  const match = /^Bearer (.+)$/.exec(authorization ?? '');
  return Boolean(match?.[1] && sameSecret(match[1], getServerSecret()));
}

/**
 * Server-to-server routes: `Authorization: Bearer <PORTAL_SERVER_SECRET>`; cookies are ignored. Wrong
 * secrets are counted per client address (a 429 past the limit); the right one never waits for the count.
 */
export async function assertServerSecret(headers: Headers): Promise<void> {
  if (isServerSecret(headers.get('authorization'))) return;
  const address = addressKey(requestMeta(headers).ip);
  await assertNotLocked('server_secret_failures', address);
  await countFailure('server_secret_failures', address);
  throw unauthorized('A valid server secret is required.');
}
