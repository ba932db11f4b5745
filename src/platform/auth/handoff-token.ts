import { createHash, randomBytes } from 'node:crypto';

export const HANDOFF_TTL_MS = 5 * 60 * 1000;

export function newHandoffToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashHandoffToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
