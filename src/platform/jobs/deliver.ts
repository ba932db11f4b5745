import { eq, inArray, sql } from 'drizzle-orm';
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

type Due = { delivery: typeof deliveries.$inferSelect; event: DeliveryEvent };
type Delivered = { id: number; attempts: number; response: string; status: number | null };

/** The deliveries of these jobs that are still due: not delivered, and not attempted since the job was queued. */
async function dueOf(db: Db, jobs: PgBoss.Job<DeliverJob>[]): Promise<Due[]> {
  const rows = await db
    .select({ delivery: deliveries, event: { id: outbox.id, organizationId: outbox.organizationId, type: outbox.type, payload: outbox.payload, createdAt: outbox.createdAt } })
    .from(deliveries)
    .innerJoin(outbox, eq(outbox.id, deliveries.eventId))
    .where(inArray(deliveries.id, jobs.map((job) => job.data.deliveryId)));
  const expected = new Map(jobs.map((job) => [job.data.deliveryId, job.data.attempt]));
  return rows.filter((row) => row.delivery.status !== 'delivered' && row.delivery.attempts === expected.get(row.delivery.id)) as Due[];
}

/** The successes of a batch, recorded in one statement. */
async function recordDelivered(db: Db, delivered: Delivered[]): Promise<void> {
  if (delivered.length === 0) return;
  const values = JSON.stringify(delivered.map((d) => ({ id: d.id, attempts: d.attempts, response: d.response.slice(0, RESPONSE_LIMIT), status: d.status })));
  await db.execute(sql`
    update deliveries set status = 'delivered', attempts = v.attempts, last_response = v.response, last_response_status = v.status, delivered_at = now(), next_attempt_at = null
    from jsonb_to_recordset(${values}::jsonb) as v(id bigint, attempts integer, response text, status integer)
    where deliveries.id = v.id`);
}

/** A failed attempt: recorded, and the next one queued per the channel's schedule in the same transaction, or the delivery marked `failed`. */
async function recordFailed(db: Db, boss: PgBoss, due: Due, attempts: number, error: unknown): Promise<void> {
  const wait = error instanceof DeliveryFailure && error.final ? undefined : channelNamed(due.delivery.channel)?.retrySchedule[attempts - 1];
  const nextAttemptAt = wait === undefined ? null : new Date(Date.now() + wait * 1000);
  await db.transaction(async (tx) => {
    await tx
      .update(deliveries)
      .set({ status: nextAttemptAt ? 'pending' : 'failed', attempts, lastResponse: describe(error), lastResponseStatus: error instanceof DeliveryFailure ? (error.status ?? null) : null, nextAttemptAt })
      .where(eq(deliveries.id, due.delivery.id));
    if (nextAttemptAt) await queueAttempt(boss, tx, { id: due.delivery.id, attempts }, nextAttemptAt);
  });
}

/**
 * A batch of jobs: one attempt at each of their deliveries, all at once, each recorded whatever it
 * answers. A delivery already delivered, or attempted since its job was queued (a job run again after
 * an expiry), is not attempted. The deliveries are read in one query and their successes recorded in
 * one: per delivery, only the channel's own work remains (the successes are recorded when the slowest
 * attempt ends, bounded by the channels' timeouts, far within the jobs' expiry). A failure queues the
 * next attempt per the channel's retry schedule in the same transaction as its record, or marks the
 * delivery `failed` once the schedule is spent. One of the writes listed in src/platform/actions/outside-pipeline.ts.
 */
export async function deliverBatch(db: Db, boss: PgBoss, jobs: PgBoss.Job<DeliverJob>[]): Promise<void> {
  const due = await dueOf(db, jobs);
  const delivered: Delivered[] = [];
  const unrecorded: unknown[] = [];
  await Promise.all(
    due.map(async (one) => {
      const attempts = one.delivery.attempts + 1;
      try {
        const channel = channelNamed(one.delivery.channel);
        if (!channel) throw new Error(`no channel named ${one.delivery.channel} is registered`);
        const outcome = await channel.deliver(one.event, one.delivery.target);
        delivered.push({ id: one.delivery.id, attempts, response: outcome.response, status: outcome.status ?? null });
      } catch (error) {
        await recordFailed(db, boss, one, attempts, error).catch((failure: unknown) => unrecorded.push(failure));
      }
    }),
  );
  // The successes are recorded even when a failure could not be: else they would be sent again.
  await recordDelivered(db, delivered);
  if (unrecorded.length > 0) throw unrecorded[0];
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
