import { createHash } from 'node:crypto';
import { getServerSecret } from '../config/server-secret';

/** Better Auth's signing key, derived so that operators manage one secret, not two. */
export function authSecret(): string {
  return createHash('sha256').update(`deflect/better-auth/${getServerSecret()}`).digest('base64url');
}

/** The staff console's Better Auth key: its own, so that no customer cookie or code passes as a staff one. */
export function staffAuthSecret(): string {
  return createHash('sha256').update(`deflect/better-auth-staff/${getServerSecret()}`).digest('base64url');
}
