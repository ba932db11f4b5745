import { eq } from 'drizzle-orm';
import type PgBoss from 'pg-boss';
import { outbox } from '../actions/schema';
import type { Db } from '../db/types';
import { inTransaction } from './boss';
import { channelNamed, DeliveryFailure, type DeliveryEvent } from './channels';
import { deliveries } from './schema';

export const DELIVER_QUEUE = 'deliver';
/** `attempt`: the number of attempts already recorded when the job was queued; a job that no longer matches is stale. */
export type DeliverJob = { deliveryId: number; attempt: number };

/** Kept on the delivery row: enough to see what the receiver said, never an unbounded body. */
const RESPONSE_LIMIT = 500;

function describe(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, RESPONSE_LIMIT);
}

/** The job of a delivery's next attempt. */
export function attemptJob(delivery: { id: number; attempts: number }, startAfter?: Date): PgBoss.JobInsert<DeliverJob> {
  const job: PgBoss.JobInsert<DeliverJob> = { name: DELIVER_QUEUE, data: { deliveryId: delivery.id, attempt: delivery.attempts }, singletonKey: `delivery:${delivery.id}:${delivery.attempts}` };
  if (startAfter) job.startAfter = startAfter;
  return job;
}

async function queueAttempt(boss: PgBoss, tx: Db, delivery: { id: number; attempts: number }, startAfter?: Date): Promise<void> {
  await boss.insert([attemptJob(delivery, startAfter)], { db: inTransaction(tx) });
}

/**
 * One job: one attempt at one delivery, recorded whatever it answers. A delivery already delivered, or
 * attempted since the job was queued (a job run again after an expiry), is not attempted. A failure
 * queues the next attempt per the channel's retry schedule in the same transaction as its record, or
 * marks the delivery `failed` once the schedule is spent. One of the writes listed in
 * src/platform/actions/outside-pipeline.ts.
 */
export async function deliverOne(db: Db, boss: PgBoss, job: PgBoss.Job<DeliverJob>): Promise<void> {
  const [row] = await db
    .select({ delivery: deliveries, event: { id: outbox.id, organizationId: outbox.organizationId, type: outbox.type, payload: outbox.payload, createdAt: outbox.createdAt } })
    .from(deliveries)
    .innerJoin(outbox, eq(outbox.id, deliveries.eventId))
    .where(eq(deliveries.id, job.data.deliveryId));
  if (!row || row.delivery.status === 'delivered' || row.delivery.attempts !== job.data.attempt) return;
  const attempts = row.delivery.attempts + 1;
  const channel = channelNamed(row.delivery.channel);
  try {
    if (!channel) throw new Error(`no channel named ${row.delivery.channel} is registered`);
    const outcome = await channel.deliver(row.event as DeliveryEvent, row.delivery.target);
    await db
      .update(deliveries)
      .set({ status: 'delivered', attempts, lastResponse: outcome.response.slice(0, RESPONSE_LIMIT), lastResponseStatus: outcome.status ?? null, deliveredAt: new Date(), nextAttemptAt: null })
      .where(eq(deliveries.id, row.delivery.id));
  } catch (error) {
    const wait = channel?.retrySchedule[attempts - 1];
    const nextAttemptAt = wait === undefined ? null : new Date(Date.now() + wait * 1000);
    await db.transaction(async (tx) => {
      await tx
        .update(deliveries)
        .set({ status: nextAttemptAt ? 'pending' : 'failed', attempts, lastResponse: describe(error), lastResponseStatus: error instanceof DeliveryFailure ? (error.status ?? null) : null, nextAttemptAt })
        .where(eq(deliveries.id, row.delivery.id));
      if (nextAttemptAt) await queueAttempt(boss, tx, { id: row.delivery.id, attempts }, nextAttemptAt);
    });
  }
}

/**
 * A person's retry of a delivery (delivered or failed alike): attempted again now, whatever the
 * schedule said. Returns false when there is no such delivery.
 */
export async function retryDelivery(db: Db, boss: PgBoss, deliveryId: number): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(deliveries)
      .set({ status: 'pending', nextAttemptAt: new Date() })
      .where(eq(deliveries.id, deliveryId))
      .returning({ id: deliveries.id, attempts: deliveries.attempts });
    if (!row) return false;
    await queueAttempt(boss, tx, row);
    return true;
  });
}
