import { and, desc, eq, sql } from 'drizzle-orm';
import { olderThan, timeText, type Keyset } from '@/platform/db/keyset';
import type { Db } from '@/platform/db/types';
import { usageAlert } from './schema';

/** A threshold the organization's usage crossed, as it was recorded (against the limit of that moment). */
export type RecordedUsageAlert = { meter: string; periodStart: string; threshold: number; limit: number; at: string; key: string };

const keyOf = sql<string>`${usageAlert.periodStart}::text || '/' || ${usageAlert.meter} || '/' || lpad(${usageAlert.threshold}::text, 3, '0')`;

/** The organization's usage alerts after `bound`, newest first by (time recorded, period/meter/threshold). */
export async function usageAlertsOlderThan(db: Db, organizationId: string, bound: Keyset | undefined, limit: number): Promise<RecordedUsageAlert[]> {
  return db
    .select({ meter: usageAlert.meter, periodStart: usageAlert.periodStart, threshold: usageAlert.threshold, limit: usageAlert.limitValue, at: timeText(usageAlert.createdAt), key: keyOf })
    .from(usageAlert)
    .where(and(eq(usageAlert.organizationId, organizationId), olderThan(usageAlert.createdAt, keyOf, bound)))
    .orderBy(desc(usageAlert.createdAt), desc(sql`${keyOf} collate "C"`))
    .limit(limit);
}
