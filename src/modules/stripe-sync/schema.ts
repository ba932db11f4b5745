import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The webhook inbox: every verified Stripe event, stored under its id before anything else, so a
 * redelivery is recognised and never processed twice. Failed events keep their error and are retried.
 */
export const stripeEvent = pgTable(
  'stripe_event',
  {
    id: text('id').primaryKey(),
    type: text('type').notNull(),
    payload: jsonb('payload').notNull(),
    /** processing (from the first delivery on) → processed | ignored | failed (→ processing again on retry). */
    status: text('status').notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    stripeCreatedAt: timestamp('stripe_created_at', { withTimezone: true }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    processedAt: timestamp('processed_at', { withTimezone: true }),
    /** When a failed event is due again; also the lease of one being processed. */
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
    /** The customer the event is about, read as process.ts's `customerOf` reads it: a customer's timeline lists its events. */
    customerId: text('customer_id').generatedAlwaysAs(
      sql`case when payload #>> '{data,object,object}' = 'customer' then payload #>> '{data,object,id}'
        else coalesce(payload #>> '{data,object,customer,id}',
          case when jsonb_typeof(payload #> '{data,object,customer}') = 'string' then payload #>> '{data,object,customer}' end,
          payload #>> '{data,previous_attributes,customer}') end`,
    ),
  },
  (t) => [index('stripe_event_retry_idx').on(t.status, t.nextAttemptAt), index('stripe_event_customer_idx').on(t.customerId, t.receivedAt, t.id)],
);
