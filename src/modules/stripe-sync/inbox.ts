import { and, asc, eq, lte, sql } from 'drizzle-orm';
import type Stripe from 'stripe';
import type { Db } from '@/platform/db/types';
import { stripeEvent } from './schema';

const LEASE = sql`now() + interval '2 minutes'`;
const MAX_ATTEMPTS = 12;

/** Stores a verified event under its id; a redelivery finds it already there. */
export async function recordEvent(db: Db, event: Stripe.Event): Promise<void> {
  await db
    .insert(stripeEvent)
    .values({ id: event.id, type: event.type, payload: event, status: 'received', stripeCreatedAt: new Date(event.created * 1000) })
    .onConflictDoNothing();
}

/**
 * Takes the event for processing: one not processed yet, a failed one, or one whose processor died
 * (its lease ran out). Null when it is done or someone else holds it: the caller acknowledges.
 * `force` (a replay) also takes a processed event.
 */
export async function claimEvent(db: Db, id: string, options: { force?: boolean } = {}): Promise<Stripe.Event | null> {
  const claimable = options.force
    ? sql`(${stripeEvent.status} <> 'processing' or ${stripeEvent.nextAttemptAt} < now())`
    : sql`(${stripeEvent.status} in ('received', 'failed') or (${stripeEvent.status} = 'processing' and ${stripeEvent.nextAttemptAt} < now()))`;
  const [row] = await db
    .update(stripeEvent)
    .set({ status: 'processing', attempts: sql`${stripeEvent.attempts} + 1`, nextAttemptAt: LEASE })
    .where(and(eq(stripeEvent.id, id), claimable))
    .returning({ payload: stripeEvent.payload });
  return (row?.payload as Stripe.Event | undefined) ?? null;
}

export async function finishEvent(db: Db, id: string, status: 'processed' | 'ignored'): Promise<void> {
  await db.update(stripeEvent).set({ status, processedAt: new Date(), nextAttemptAt: null, lastError: null }).where(eq(stripeEvent.id, id));
}

/** Records the failure and when to try again: 1, 2, 4 … minutes, at most six hours apart. */
export async function failEvent(db: Db, id: string, error: string): Promise<void> {
  await db
    .update(stripeEvent)
    .set({ status: 'failed', lastError: error.slice(0, 1000), nextAttemptAt: sql`now() + least(interval '6 hours', interval '1 minute' * power(2, ${stripeEvent.attempts} - 1))` })
    .where(eq(stripeEvent.id, id));
}

export async function dueFailedEvents(db: Db, limit = 50): Promise<string[]> {
  const rows = await db
    .select({ id: stripeEvent.id })
    .from(stripeEvent)
    .where(and(eq(stripeEvent.status, 'failed'), lte(stripeEvent.nextAttemptAt, sql`now()`), sql`${stripeEvent.attempts} < ${MAX_ATTEMPTS}`))
    .orderBy(asc(stripeEvent.stripeCreatedAt))
    .limit(limit);
  return rows.map((r) => r.id);
}

export async function eventStatus(db: Db, id: string): Promise<{ status: string; attempts: number; lastError: string | null } | null> {
  const [row] = await db.select({ status: stripeEvent.status, attempts: stripeEvent.attempts, lastError: stripeEvent.lastError }).from(stripeEvent).where(eq(stripeEvent.id, id));
  return row ?? null;
}
