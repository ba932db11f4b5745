import { and, desc, eq, sql } from 'drizzle-orm';
import { olderThan, timeText, type Keyset } from '@/platform/db/keyset';
import type { Db } from '@/platform/db/types';
import { stripeEvent } from './schema';

/** A received event as staff see it: what it was, and how its processing went. */
export type CustomerEvent = { id: string; type: string; status: string; attempts: number; lastError: string | null; at: string; key: string };

/** The events Stripe sent about `customerId` after `bound`, newest first by (time received, id). */
export async function customerEventsOlderThan(db: Db, customerId: string, bound: Keyset | undefined, limit: number): Promise<CustomerEvent[]> {
  const rows = await db
    .select({ id: stripeEvent.id, type: stripeEvent.type, status: stripeEvent.status, attempts: stripeEvent.attempts, lastError: stripeEvent.lastError, at: timeText(stripeEvent.receivedAt) })
    .from(stripeEvent)
    .where(and(eq(stripeEvent.customerId, customerId), olderThan(stripeEvent.receivedAt, sql`${stripeEvent.id}`, bound)))
    .orderBy(desc(stripeEvent.receivedAt), desc(sql`${stripeEvent.id} collate "C"`))
    .limit(limit);
  return rows.map((r) => ({ ...r, key: r.id }));
}
