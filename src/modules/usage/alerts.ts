import { and, eq } from 'drizzle-orm';
import { isMeter, meters, usageLimitOf, type Meter } from '@config/usage';
import type { Db } from '@/platform/db/types';
import { periodOf, type Period } from './period';
import { usageAlert } from './schema';

export type UsageAlert = { meter: Meter; label: string; threshold: number; period: Period };

/**
 * The highest threshold each meter has reached this period: one read of
 * the alert table's primary key. An alert recorded against another limit (the plan changed) is stale.
 */
export async function currentUsageAlerts(db: Db, org: { id: string; plan: string }, now = new Date()): Promise<UsageAlert[]> {
  const period = periodOf(now);
  const rows = await db
    .select({ meter: usageAlert.meter, threshold: usageAlert.threshold, limitValue: usageAlert.limitValue })
    .from(usageAlert)
    .where(and(eq(usageAlert.organizationId, org.id), eq(usageAlert.periodStart, period.start)));
  const highest = new Map<Meter, number>();
  for (const r of rows) {
    if (!isMeter(r.meter) || usageLimitOf(org.plan, r.meter) !== r.limitValue) continue;
    highest.set(r.meter, Math.max(highest.get(r.meter) ?? 0, r.threshold));
  }
  return [...highest].map(([meter, threshold]) => ({ meter, label: meters[meter].label, threshold, period }));
}
