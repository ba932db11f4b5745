import { and, asc, eq, lte, sql } from 'drizzle-orm';
import type Stripe from 'stripe';
import type { Db } from '@/platform/db/types';
import { conflict, notFound } from '@/platform/http/errors';
import { stripeEvent } from './schema';

// The inbox's own bookkeeping, outside the action pipeline, with why: src/platform/actions/outside-pipeline.ts.

const LEASE = sql`now() + interval '2 minutes'`;
const MAX_ATTEMPTS = 12;

/** Not done, not held: a failed event, or one whose processor died (its lease ran out). */
const claimable = sql`(${stripeEvent.status} = 'failed' or (${stripeEvent.status} = 'processing' and ${stripeEvent.nextAttemptAt} < now()))`;
const taking = { status: 'processing', attempts: sql`${stripeEvent.attempts} + 1`, nextAttemptAt: LEASE };

/**
 * Stores a verified event under its id and takes it for processing, in one statement. False when a
 * delivery before this one has processed it or is processing it: the caller acknowledges a duplicate.
 */
export async function recordAndClaim(db: Db, event: Stripe.Event): Promise<boolean> {
  const rows = await db
    .insert(stripeEvent)
    .values({ id: event.id, type: event.type, payload: event, status: 'processing', attempts: 1, nextAttemptAt: LEASE, stripeCreatedAt: new Date(event.created * 1000) })
    .onConflictDoUpdate({ target: stripeEvent.id, set: taking, setWhere: claimable })
    .returning({ id: stripeEvent.id });
  return rows.length > 0;
}

/** Takes a stored event again (a retry, or with `force` a replay of a processed one); null when it is held or done. */
export async function claimEvent(db: Db, id: string, options: { force?: boolean } = {}): Promise<Stripe.Event | null> {
  const condition = options.force ? sql`(${stripeEvent.status} <> 'processing' or ${stripeEvent.nextAttemptAt} < now())` : claimable;
  const [row] = await db
    .update(stripeEvent)
    .set(taking)
    .where(and(eq(stripeEvent.id, id), condition))
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

type StoredEvent = typeof stripeEvent.$inferSelect;

/** A stored event as the console shows it (never its payload). */
export type StripeEventView = { id: string; type: string; status: string; attempts: number; lastError: string | null; receivedAt: string; processedAt: string | null };

export function stripeEventView(row: StoredEvent): StripeEventView {
  return { id: row.id, type: row.type, status: row.status, attempts: row.attempts, lastError: row.lastError, receivedAt: row.receivedAt.toISOString(), processedAt: row.processedAt?.toISOString() ?? null };
}

export async function storedEvent(db: Db, id: string): Promise<StoredEvent | null> {
  const [row] = await db.select().from(stripeEvent).where(eq(stripeEvent.id, id));
  return row ?? null;
}

/**
 * A replay from the console, in its action's transaction: the event, locked to the commit, counts one
 * more attempt and is processed. Refused while a delivery holds it (its lease runs).
 */
export async function finishReplay(tx: Db, id: string): Promise<{ before: StoredEvent; after: StoredEvent }> {
  const [before] = await tx.select({ row: stripeEvent, held: sql<boolean>`${stripeEvent.status} = 'processing' and ${stripeEvent.nextAttemptAt} >= now()` }).from(stripeEvent).where(eq(stripeEvent.id, id)).for('update');
  if (!before) throw notFound('Stripe event');
  if (before.held) throw conflict('This event is being processed right now. Try again in a few minutes.');
  const [after] = await tx
    .update(stripeEvent)
    .set({ status: 'processed', attempts: sql`${stripeEvent.attempts} + 1`, processedAt: new Date(), nextAttemptAt: null, lastError: null })
    .where(eq(stripeEvent.id, id))
    .returning();
  return { before: before.row, after: after! };
}
