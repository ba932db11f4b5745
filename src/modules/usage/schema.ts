import { date, integer, numeric, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { organization } from '@/platform/tenancy/schema';

/**
 * Every accepted event, as received: the audit trail and the source for a re-rollup. Never read by
 * the portal's screens. The primary key makes an idempotency key count once, forever; it leads with
 * the organization, so that deleting one finds its events through it.
 *
 * No foreign key to organization, on purpose: its check is one row lock per event, half of ingest's
 * cost. Ingest locks each organization of a batch once instead (screen.ts), and deleting an
 * organization deletes its events by a trigger (migration 0006). The key's columns are in the "C"
 * collation (migration 0007; Drizzle's column builders have no collation): compared bytewise, not
 * through strcoll, as each insert descends the primary key.
 */
export const usageEvent = pgTable(
  'usage_event',
  {
    organizationId: text('organization_id').notNull(),
    meter: text('meter').notNull(),
    value: numeric('value', { mode: 'number' }).notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.idempotencyKey, t.meter] })],
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

/** The sum of each organization's meter per billing period (a UTC month, keyed by its first day), kept with the daily rows. */
export const usageMonthly = pgTable(
  'usage_monthly',
  {
    organizationId: text('organization_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    meter: text('meter').notNull(),
    month: date('month', { mode: 'string' }).notNull(),
    value: numeric('value', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.meter, t.month] })],
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
