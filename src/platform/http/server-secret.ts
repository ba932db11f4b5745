import { timingSafeEqual } from 'node:crypto';
import { getServerSecret } from '../config/server-secret';
import { unauthorized } from './errors';

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** True when an Authorization header value is `Bearer <PORTAL_SERVER_SECRET>`. */
export function isServerSecret(authorization: string | null | undefined): boolean {
  const match = /^Bearer (.+)$/.exec(authorization ?? '');
  return Boolean(match?.[1] && sameSecret(match[1], getServerSecret()));
}

/** Server-to-server routes: `Authorization: Bearer <PORTAL_SERVER_SECRET>`; cookies are ignored. */
export function assertServerSecret(request: Request): void {
  if (!isServerSecret(request.headers.get('authorization'))) throw unauthorized('A valid server secret is required.');
}
