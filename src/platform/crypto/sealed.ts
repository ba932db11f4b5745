import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { getServerSecret } from '../config/server-secret';

// Secrets the portal must use again, not only compare (webhook signing secrets, Slack URLs), are kept
// sealed with AES-256-GCM under a key derived from the server secret: a copy of the database alone
// does not reveal them. A sealed value reads `v1.<iv>.<tag>.<ciphertext>`, each base64url.
const VERSION = 'v1';

function key(): Buffer {
  return Buffer.from(hkdfSync('sha256', getServerSecret(), 'deflect', 'deflect/sealed-secrets/v1', 32));
}

export function seal(plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key(), iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), ciphertext].map((part) => (typeof part === 'string' ? part : part.toString('base64url'))).join('.');
}

/** Throws when the value was not sealed with this server secret, or was altered. */
export function unseal(sealed: string): string {
  const [version, iv, tag, ciphertext] = sealed.split('.');
  if (version !== VERSION || !iv || !tag || ciphertext === undefined) throw new Error('not a sealed value');
  const decipher = createDecipheriv('aes-256-gcm', key(), Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
}
