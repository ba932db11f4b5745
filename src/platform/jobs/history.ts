import { and, desc, eq, ne, sql } from 'drizzle-orm';
import { outbox } from '../actions/schema';
import { olderThan, timeText, type Keyset } from '../db/keyset';
import type { Db } from '../db/types';
import { deliveries } from './schema';

/** A delivery as the customer timeline lists it: when it was queued, and where it stands now. */
export type DeliveryRecord = { id: number; type: string; channel: string; target: string; status: string; attempts: number; at: string; key: string };

const keyOf = sql<string>`lpad(${deliveries.id}::text, 20, '0')`;

/**
 * The organization's deliveries on one channel (`{ channel }`) or on every other (`{ except }`), after
 * `bound`, newest first by (time queued, id).
 */
export async function deliveriesOlderThan(db: Db, organizationId: string, which: { channel: string } | { except: string }, bound: Keyset | undefined, limit: number): Promise<DeliveryRecord[]> {
  const onChannel = 'channel' in which ? eq(deliveries.channel, which.channel) : ne(deliveries.channel, which.except);
  return db
    .select({ id: deliveries.id, type: outbox.type, channel: deliveries.channel, target: deliveries.target, status: deliveries.status, attempts: deliveries.attempts, at: timeText(deliveries.createdAt), key: keyOf })
    .from(deliveries)
    .innerJoin(outbox, eq(outbox.id, deliveries.eventId))
    .where(and(eq(deliveries.organizationId, organizationId), onChannel, olderThan(deliveries.createdAt, keyOf, bound)))
    .orderBy(desc(deliveries.createdAt), desc(sql`${keyOf} collate "C"`))
    .limit(limit);
}

/** "delivered (2 attempts)", "failed (11 attempts)", "pending (1 attempt)". */
export function deliveryOutcome(record: Pick<DeliveryRecord, 'status' | 'attempts'>): string {
  return `${record.status} (${record.attempts} attempt${record.attempts === 1 ? '' : 's'})`;
}
