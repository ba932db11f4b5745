import { getServerSecret } from '../config/server-secret';
import { sameSecret } from '../crypto/tokens';
import { unauthorized } from './errors';

/** True when an Authorization header value is `Bearer <PORTAL_SERVER_SECRET>`. */
function isServerSecret(authorization: string | null | undefined): boolean {
  const match = /^Bearer (.+)$/.exec(authorization ?? '');
  return Boolean(match?.[1] && sameSecret(match[1], getServerSecret()));
}

/** Server-to-server routes: `Authorization: Bearer <PORTAL_SERVER_SECRET>`; cookies are ignored. */
export function assertServerSecret(headers: Headers): void {
  if (!isServerSecret(headers.get('authorization'))) throw unauthorized('A valid server secret is required.');
}
