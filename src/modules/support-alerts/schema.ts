import { boolean, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * A Slack incoming-webhook URL of the support team. The URL is a credential (whoever holds it posts
 * into the channel): kept sealed, shown only masked; rules and deliveries name it by `id`.
 */
export const supportSlackWebhook = pgTable('support_slack_webhook', {
  id: text('id').primaryKey(),
  urlSealed: text('url_sealed').notNull(),
  /** SHA-256 of the URL: the same URL saved twice is one row. */
  urlDigest: text('url_digest').notNull().unique(),
  /** What screens and API answers show instead of the URL. */
  masked: text('masked').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Where the support team gets one event type; an event without a row has the default rule. */
export const supportAlertRule = pgTable('support_alert_rule', {
  event: text('event').primaryKey(),
  slackWebhookIds: jsonb('slack_webhook_ids').$type<string[]>().notNull(),
  emails: jsonb('emails').$type<string[]>().notNull(),
  /** Shown on the customer's timeline in the staff console. */
  console: boolean('console').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
