import { timingSafeEqual } from 'node:crypto';
import { getServerSecret } from '../config/server-secret';
import { unauthorized } from './errors';

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Server-to-server routes: `Authorization: Bearer <PORTAL_SERVER_SECRET>`; cookies are ignored. */
export function assertServerSecret(request: Request): void {
  const header = request.headers.get('authorization') ?? '';
  const match = /^Bearer (.+)$/.exec(header);
  if (!match?.[1] || !sameSecret(match[1], getServerSecret())) {
    throw unauthorized('A valid server secret is required.');
  }
}
