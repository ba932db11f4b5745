import { eq, sql } from 'drizzle-orm';
import type PgBoss from 'pg-boss';
import { outbox } from '../actions/schema';
import type { Db } from '../db/types';
import { channelNamed, type DeliveryEvent } from './channels';
import { DELIVER_QUEUE, type DeliverJob } from './relay';
import { deliveries } from './schema';

/** Kept on the delivery row: enough to see what the receiver said, never an unbounded body. */
const RESPONSE_LIMIT = 500;

function describe(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, RESPONSE_LIMIT);
}

/**
 * One job: one attempt at one delivery, recorded whatever it answers. A delivery already delivered is
 * not attempted again (a job run twice after an expiry). A failure fails only this job, which pg-boss
 * retries with back-off; the row then shows when, or `failed` once out of retries. One of the writes
 * listed in src/platform/actions/outside-pipeline.ts.
 */
export async function deliverOne(db: Db, boss: PgBoss, job: PgBoss.Job<DeliverJob>): Promise<void> {
  const [row] = await db
    .select({ delivery: deliveries, event: { id: outbox.id, organizationId: outbox.organizationId, type: outbox.type, payload: outbox.payload, createdAt: outbox.createdAt } })
    .from(deliveries)
    .innerJoin(outbox, eq(outbox.id, deliveries.eventId))
    .where(eq(deliveries.id, job.data.deliveryId));
  if (!row || row.delivery.status === 'delivered') return;
  const attempt = sql`${deliveries.attempts} + 1`;
  try {
    const channel = channelNamed(row.delivery.channel);
    if (!channel) throw new Error(`no channel named ${row.delivery.channel} is registered`);
    const outcome = await channel.deliver(row.event as DeliveryEvent, row.delivery.target);
    await db
      .update(deliveries)
      .set({ status: 'delivered', attempts: attempt, lastResponse: outcome.response.slice(0, RESPONSE_LIMIT), deliveredAt: new Date(), nextAttemptAt: null })
      .where(eq(deliveries.id, row.delivery.id));
  } catch (error) {
    await boss.fail(DELIVER_QUEUE, job.id, { message: describe(error) });
    const retry = await boss.getJobById(DELIVER_QUEUE, job.id);
    const failed = !retry || retry.state === 'failed';
    await db
      .update(deliveries)
      .set({ status: failed ? 'failed' : 'pending', attempts: attempt, lastResponse: describe(error), nextAttemptAt: failed ? null : retry.startAfter })
      .where(eq(deliveries.id, row.delivery.id));
  }
}
