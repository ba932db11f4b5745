import { bigint, bigserial, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { outbox } from '../actions/schema';

/** One row per (event, channel, target): the idempotency key of a delivery, and its record of attempts. */
export const deliveries = pgTable(
  'deliveries',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    eventId: bigint('event_id', { mode: 'number' })
      .notNull()
      .references(() => outbox.id),
    organizationId: text('organization_id'),
    channel: text('channel').notNull(),
    target: text('target').notNull(),
    /** `pending`, `delivered` or `failed` (out of retries). */
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastResponse: text('last_response'),
    /** The HTTP status the last attempt got, when it got one. */
    lastResponseStatus: integer('last_response_status'),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('deliveries_event_channel_target_key').on(t.eventId, t.channel, t.target), index('deliveries_org_idx').on(t.organizationId, t.id), index('deliveries_channel_target_idx').on(t.channel, t.target, t.id)],
);
