import { randomBytes } from 'node:crypto';

/** A signing secret as the Standard Webhooks specification writes it: `whsec_` and 32 random bytes in base64. */
export function newSigningSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}
