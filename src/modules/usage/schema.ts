import { bigserial, date, integer, numeric, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { organization } from '@/platform/tenancy/schema';

/**
 * Every accepted event, as received: the audit trail and the source for a re-rollup. Never read by
 * the portal's screens. The unique index makes an idempotency key count once, forever.
 */
export const usageEvent = pgTable(
  'usage_event',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    meter: text('meter').notNull(),
    value: numeric('value', { mode: 'number' }).notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('usage_event_idempotency_idx').on(t.organizationId, t.meter, t.idempotencyKey)],
);

/** The sum of each organization's meter per UTC day, kept in the same transaction as the events. */
export const usageDaily = pgTable(
  'usage_daily',
  {
    organizationId: text('organization_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    meter: text('meter').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    value: numeric('value', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.meter, t.day] })],
);

/** A threshold crossed in a billing period: at most one row, so one alert, per period and threshold. */
export const usageAlert = pgTable(
  'usage_alert',
  {
    organizationId: text('organization_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    meter: text('meter').notNull(),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    threshold: integer('threshold').notNull(),
    /** The limit it was crossed against: a later plan change makes the alert stale. */
    limitValue: numeric('limit_value', { mode: 'number' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.periodStart, t.meter, t.threshold] })],
);
