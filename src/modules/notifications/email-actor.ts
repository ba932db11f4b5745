import { and, eq } from 'drizzle-orm';
import { auditLog, outbox } from '@/platform/actions/schema';
import type { Db } from '@/platform/db/types';
import type { DeliveryEvent } from '@/platform/jobs/channels';

/**
 * Who did what an event says, as the customer knows them: the audit row the same action wrote. An
 * action writes one audit row and its events in one transaction, and both take the transaction's
 * `now()` as their time, so the event's row finds it. Null when unknown (a Stripe
 * webhook, the host, the system).
 */
export async function actorOf(db: Db, event: DeliveryEvent): Promise<string | null> {
  if (!event.organizationId) return null;
  const [row] = await db
    .select({ type: auditLog.actorType, email: auditLog.actorEmail, name: auditLog.actorName })
    .from(auditLog)
    // Compared in the database: a JavaScript Date keeps milliseconds, the columns microseconds.
    .innerJoin(outbox, and(eq(outbox.id, event.id), eq(outbox.organizationId, auditLog.organizationId), eq(outbox.createdAt, auditLog.createdAt)))
    .limit(1);
  if (!row) return null;
  if (row.type === 'staff') return `Support${row.name ? ` (${row.name})` : ''}`;
  return row.type === 'user' ? row.email : null;
}
