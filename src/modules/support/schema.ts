import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { user } from '@/platform/auth/schema';
import { organization } from '@/platform/tenancy/schema';

/**
 * One visit to the contact form: what it suggested as the customer typed, and how it ended — left for a
 * suggestion (a point-of-contact deflection), a ticket sent, or nothing. A `holdout` attempt was shown
 * no suggestions, so that deflection can be measured against it.
 */
export const contactAttempts = pgTable(
  'contact_attempts',
  {
    id: text('id').primaryKey(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    category: text('category'),
    holdout: boolean('holdout').notNull().default(false),
    /** Everything suggested during the attempt: screens by category and path, articles by id. */
    shown: jsonb('shown').$type<{ screens: { category: string; path: string }[]; articles: string[] }>().notNull().default({ screens: [], articles: [] }),
    /** `screen` or `article` (left for a suggestion), `ticket` (sent one); null while open. */
    outcome: text('outcome'),
    /** The path or article id followed, or the ticket id sent. */
    outcomeTarget: text('outcome_target'),
    /** The answer to "Did this solve it?" after following a suggestion. */
    solved: boolean('solved'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  },
  (t) => [index('contact_attempts_org_idx').on(t.organizationId, t.createdAt)],
);

/** A support ticket: from the portal's contact form, or filed by the host product (`POST /api/v1/tickets`). */
export const tickets = pgTable(
  'tickets',
  {
    id: text('id').primaryKey(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    /** Per organization, from 1: what the customer quotes. */
    number: integer('number').notNull(),
    subject: text('subject').notNull(),
    /** A category id of config/support-categories.ts, or null until someone sets one. */
    category: text('category'),
    /** `open`, `waiting_on_customer` or `solved`. */
    status: text('status').notNull().default('open'),
    /** The member who wrote it; null when the host filed it for a requester without a sign-in. */
    createdByUserId: text('created_by_user_id').references(() => user.id, { onDelete: 'set null' }),
    requesterEmail: text('requester_email').notNull(),
    requesterName: text('requester_name'),
    /** `portal` or `host`. */
    source: text('source').notNull().default('portal'),
    assigneeStaffId: text('assignee_staff_id'),
    attemptId: text('attempt_id').references(() => contactAttempts.id, { onDelete: 'set null' }),
    /** `good` or `bad`, once solved. */
    rating: text('rating'),
    ratingComment: text('rating_comment'),
    solvedAt: timestamp('solved_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('tickets_org_number_key').on(t.organizationId, t.number),
    index('tickets_queue_idx').on(t.status, t.updatedAt),
    index('tickets_org_idx').on(t.organizationId, t.createdAt),
  ],
);

/** A message of a ticket's thread. Internal notes are staff-only and never reach a customer response. */
export const ticketMessages = pgTable(
  'ticket_messages',
  {
    id: text('id').primaryKey(),
    ticketId: text('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    /** `customer`, `staff` or `auto` (the auto-answer linking to a portal screen). */
    authorType: text('author_type').notNull(),
    authorUserId: text('author_user_id').references(() => user.id, { onDelete: 'set null' }),
    authorStaffId: text('author_staff_id'),
    authorName: text('author_name').notNull(),
    body: text('body').notNull(),
    internal: boolean('internal').notNull().default(false),
    /** An auto-answer the customer dismissed to reach a person. */
    dismissedAt: timestamp('dismissed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('ticket_messages_ticket_idx').on(t.ticketId, t.createdAt)],
);
