import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '@/platform/db/types';
import { olderThan, timeText, type Keyset } from '@/platform/db/keyset';
import { tickets } from '../schema';

const keyOf = sql<string>`${tickets.id}`;

/** The organization's tickets, newest opened first, for the customer timeline. */
export function ticketsOlderThan(db: Db, organizationId: string, bound: Keyset | undefined, limit: number) {
  return db
    .select({ id: tickets.id, number: tickets.number, subject: tickets.subject, status: tickets.status, requester: sql<string>`coalesce(${tickets.requesterName}, ${tickets.requesterEmail})`, userId: tickets.createdByUserId, at: timeText(tickets.createdAt), key: keyOf })
    .from(tickets)
    .where(and(eq(tickets.organizationId, organizationId), olderThan(tickets.createdAt, keyOf, bound)))
    .orderBy(desc(tickets.createdAt), desc(sql`${keyOf} collate "C"`))
    .limit(limit);
}
