import { boolean, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * An endpoint of the host product that receives the portal's events (installation-wide, managed with
 * the server secret). The signing secret is sealed with the server secret: it must be used again to
 * sign, so it cannot be hashed, and a copy of the database alone does not reveal it.
 */
export const webhookEndpoint = pgTable('webhook_endpoint', {
  id: text('id').primaryKey(),
  url: text('url').notNull(),
  /** Event types of config/events.ts, or `["*"]` for every event delivered on webhooks. */
  events: text('events').array().notNull(),
  description: text('description'),
  enabled: boolean('enabled').notNull().default(true),
  secretSealed: text('secret_sealed').notNull(),
  /** Set by the first failed delivery after a success; cleared by the next success. */
  failingSince: timestamp('failing_since', { withTimezone: true }),
  /** Set when the portal disabled it for failing too long (not when the host disabled it). */
  disabledAt: timestamp('disabled_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
