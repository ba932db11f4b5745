import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../db/types';
import { hashToken } from '../crypto/tokens';
import { portalHandoff } from './schema';

export const HANDOFF_TTL_MS = 5 * 60 * 1000;

export type HandoffGrant = { userId: string; organizationId: string; path: string };

/**
 * Marks the link used in the same statement that checks it, so two racing clicks cannot both win.
 * Outside the action pipeline, with why: src/platform/actions/outside-pipeline.ts.
 */
export async function redeemHandoff(db: Db, token: string, now = new Date()): Promise<HandoffGrant | null> {
  const [grant] = await db
    .update(portalHandoff)
    .set({ usedAt: now })
    .where(and(eq(portalHandoff.tokenHash, hashToken(token)), isNull(portalHandoff.usedAt), gt(portalHandoff.expiresAt, now)))
    .returning({ userId: portalHandoff.userId, organizationId: portalHandoff.organizationId, path: portalHandoff.path });
  return grant ?? null;
}
