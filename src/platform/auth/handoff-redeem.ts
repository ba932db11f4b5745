import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../db/types';
import { hashHandoffToken } from './handoff-token';
import { portalHandoff } from './schema';

export type HandoffGrant = { userId: string; organizationId: string; path: string };

/** Marks the link used in the same statement that checks it, so two racing clicks cannot both win. */
export async function redeemHandoff(db: Db, token: string, now = new Date()): Promise<HandoffGrant | null> {
  const [grant] = await db
    .update(portalHandoff)
    .set({ usedAt: now })
    .where(and(eq(portalHandoff.tokenHash, hashHandoffToken(token)), isNull(portalHandoff.usedAt), gt(portalHandoff.expiresAt, now)))
    .returning({ userId: portalHandoff.userId, organizationId: portalHandoff.organizationId, path: portalHandoff.path });
  return grant ?? null;
}
