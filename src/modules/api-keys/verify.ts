import { eq } from 'drizzle-orm';
import { getDb } from '@/platform/db/client';
import { hashToken } from '@/platform/crypto/tokens';
import { organization } from '@/platform/tenancy/schema';
import { lookupKey, type KnownKey } from './key-cache';
import { isWellFormedKey } from './key-format';
import { noteKeyUse } from './last-used';
import { apiKey } from './schema';

export type VerifyResult =
  | { valid: true; keyId: string; organization: { id: string; externalId: string | null }; scopes: string[]; expiresAt: string | null }
  | { valid: false; reason: 'not_found' | 'revoked' | 'expired' | 'insufficient_scope' };

async function loadKey(hash: string): Promise<KnownKey> {
  const [row] = await (await getDb())
    .select({ id: apiKey.id, organizationId: apiKey.organizationId, externalId: organization.externalId, scopes: apiKey.scopes, expiresAt: apiKey.expiresAt, revokedAt: apiKey.revokedAt })
    .from(apiKey)
    .innerJoin(organization, eq(organization.id, apiKey.organizationId))
    .where(eq(apiKey.secretHash, hash));
  if (!row) return { found: false };
  return { found: true, id: row.id, organizationId: row.organizationId, externalId: row.externalId, scopes: row.scopes, expiresAt: row.expiresAt, revoked: row.revokedAt !== null };
}

/**
 * The host product's check of a key, on every one of its API calls: no database write, and a
 * database read only the first time a key is seen (see key-cache.ts). `now` is the clock (tests).
 */
export async function verifyApiKey(key: string, scope?: string, now: Date = new Date()): Promise<VerifyResult> {
  if (!isWellFormedKey(key)) return { valid: false, reason: 'not_found' };
  const hash = hashToken(key);
  const known = await lookupKey(hash, () => loadKey(hash));
  if (!known.found) return { valid: false, reason: 'not_found' };
  if (known.revoked) return { valid: false, reason: 'revoked' };
  if (known.expiresAt && known.expiresAt.getTime() <= now.getTime()) return { valid: false, reason: 'expired' };
  if (scope !== undefined && !known.scopes.includes(scope)) return { valid: false, reason: 'insufficient_scope' };
  noteKeyUse(known.id, now, getDb);
  return {
    valid: true,
    keyId: known.id,
    organization: { id: known.organizationId, externalId: known.externalId },
    scopes: known.scopes,
    expiresAt: known.expiresAt?.toISOString() ?? null,
  };
}
