import { inArray, isNull } from 'drizzle-orm';
import type PgBoss from 'pg-boss';
import { outbox } from '../actions/schema';
import type { Db } from '../db/types';
import { inTransaction } from './boss';
import { registeredChannels, type DeliveryEvent } from './channels';
import { attemptJob } from './deliver';
import { deliveries } from './schema';

const BATCH = 200;

/**
 * Moves one batch of committed outbox rows into the queue: a delivery row and a job per (event,
 * channel, target), and `delivered_at` set (the event is handed over), all in one transaction, so a
 * crash loses nothing and a retry adds nothing. SKIP LOCKED lets several instances relay side by side.
 * Returns the number of events relayed.
 */
export async function relayBatch(db: Db, boss: PgBoss): Promise<number> {
  return db.transaction(async (tx) => {
    const events: DeliveryEvent[] = await tx
      .select({ id: outbox.id, organizationId: outbox.organizationId, type: outbox.type, payload: outbox.payload, createdAt: outbox.createdAt })
      .from(outbox)
      .where(isNull(outbox.deliveredAt))
      .orderBy(outbox.id)
      .limit(BATCH)
      .for('update', { skipLocked: true }) as DeliveryEvent[];
    if (events.length === 0) return 0;

    const wanted: (typeof deliveries.$inferInsert)[] = [];
    for (const event of events) {
      for (const [channel, { targets }] of registeredChannels()) {
        for (const target of new Set(await targets(event, tx))) wanted.push({ eventId: event.id, organizationId: event.organizationId, channel, target });
      }
    }
    if (wanted.length > 0) {
      const created = await tx.insert(deliveries).values(wanted).onConflictDoNothing().returning({ id: deliveries.id });
      const jobs = created.map(({ id }) => attemptJob({ id, attempts: 0 }));
      if (jobs.length > 0) await boss.insert(jobs, { db: inTransaction(tx) });
    }
    await tx.update(outbox).set({ deliveredAt: new Date() }).where(inArray(outbox.id, events.map((e) => e.id)));
    return events.length;
  });
}

/** Relays until no committed row is left. */
export async function relayAll(db: Db, boss: PgBoss): Promise<number> {
  let total = 0;
  for (;;) {
    const relayed = await relayBatch(db, boss);
    total += relayed;
    if (relayed < BATCH) return total;
  }
}
