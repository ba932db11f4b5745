import type { apiKey } from './schema';

export type KeyStatus = 'active' | 'expiring' | 'expired' | 'revoked';

export type KeyView = {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdBy: string;
  createdByUserId: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
  status: KeyStatus;
  /** Set once rotated: the key that replaced this one. */
  replacedById: string | null;
};

const SOON_MS = 7 * 86_400_000;

/** Expiring: replaced by a rotation and in its grace period, or due to expire within a week. */
export function statusOf(row: Pick<typeof apiKey.$inferSelect, 'expiresAt' | 'revokedAt' | 'replacedById'>, now = Date.now()): KeyStatus {
  if (row.revokedAt) return 'revoked';
  if (!row.expiresAt) return 'active';
  const left = row.expiresAt.getTime() - now;
  if (left <= 0) return 'expired';
  return row.replacedById || left < SOON_MS ? 'expiring' : 'active';
}

export function keyView(row: typeof apiKey.$inferSelect): KeyView {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes,
    createdBy: row.createdByName,
    createdByUserId: row.createdByUserId,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    status: statusOf(row),
    replacedById: row.replacedById,
  };
}
