import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, primaryKey, real, text, timestamp } from 'drizzle-orm/pg-core';
import { staffUser } from '@/platform/auth/staff-schema';

/** One reported row of an import: its line in the file and why it was skipped or changed. */
export type InvalidRow = { line: number; reason: string };

/**
 * One import of a help desk's CSV export: the inbox audit of a period. Runs are kept side by side, so
 * this quarter's audit can be read beside the last one.
 */
export const inboxAudits = pgTable(
  'inbox_audits',
  {
    id: text('id').primaryKey(),
    label: text('label').notNull(),
    /** `zendesk`, `helpscout`, `freshdesk`, `intercom` or `generic`: detected from the header unless given. */
    source: text('source'),
    /** `importing`, `ready` or `failed`. */
    status: text('status').notNull().default('importing'),
    /** Bytes of the upload read so far and in all: the progress bar survives a page reload. */
    bytesRead: integer('bytes_read').notNull().default(0),
    bytesTotal: integer('bytes_total').notNull().default(0),
    /** Data rows seen, rows imported, rows whose ticket id was already imported in this run. */
    rows: integer('rows').notNull().default(0),
    imported: integer('imported').notNull().default(0),
    duplicates: integer('duplicates').notNull().default(0),
    /** The reported rows (the first ones, capped); `invalidCount` counts them all. */
    invalid: jsonb('invalid').$type<InvalidRow[]>().notNull().default([]),
    invalidCount: integer('invalid_count').notNull().default(0),
    /** Why the whole import failed (not CSV, an unreadable header), in words for the console. */
    failure: text('failure'),
    /** The earliest and latest ticket of the export. */
    from: timestamp('from', { withTimezone: true }),
    to: timestamp('to', { withTimezone: true }),
    createdByStaffId: text('created_by_staff_id').references(() => staffUser.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Touched by the importing process with each batch: an import whose heartbeat stops died with its process. */
    heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('inbox_audits_created_idx').on(t.createdAt)],
);

/** A ticket of an imported export, tagged with a category of config/support-categories.ts. */
export const inboxAuditTickets = pgTable(
  'inbox_audit_tickets',
  {
    auditId: text('audit_id')
      .notNull()
      .references(() => inboxAudits.id, { onDelete: 'cascade' }),
    /** The help desk's own ticket id. */
    externalId: text('external_id').notNull(),
    /** The line of the file the row started on. */
    line: integer('line').notNull(),
    subject: text('subject').notNull().default(''),
    /** The start of the first message: enough to classify and to check by eye. */
    body: text('body').notNull().default(''),
    tags: text('tags').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** What the classifier said, or the staff's correction when there is one. */
    category: text('category').notNull(),
    /** 0..1; 1 for a staff correction. */
    confidence: real('confidence').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.auditId, t.externalId] }),
    index('inbox_audit_tickets_category_idx').on(t.auditId, t.category),
    index('inbox_audit_tickets_created_idx').on(t.createdAt).where(sql`created_at is not null`),
  ],
);

/**
 * A staff member's category for a help desk ticket, by the help desk's ticket id: applied again whenever
 * an export holding that ticket is imported, and the classifier's labeled examples.
 */
export const inboxAuditCorrections = pgTable('inbox_audit_corrections', {
  externalId: text('external_id').primaryKey(),
  category: text('category').notNull(),
  /** The ticket's text when corrected, so it can teach the classifier without the audit it came from. */
  subject: text('subject').notNull().default(''),
  body: text('body').notNull().default(''),
  correctedByStaffId: text('corrected_by_staff_id').references(() => staffUser.id, { onDelete: 'set null' }),
  correctedAt: timestamp('corrected_at', { withTimezone: true }).notNull().defaultNow(),
});

/** What a scope document says: the sections to launch and the workflows that stay with support. */
export type ScopeContent = {
  launch: { section: string; categories: string[]; tickets: number; share: number; note: string }[];
  staysWithSupport: { category: string; tickets: number; reason: string }[];
  notes: string;
};

/**
 * The scope of the portal, proposed from an inbox audit and signed off by a lead: each proposal or
 * revision is a new version, edited in place until signed; a signed version is read-only and shown
 * to every staff member.
 */
export const scopeDocuments = pgTable(
  'scope_documents',
  {
    id: text('id').primaryKey(),
    version: integer('version').notNull().unique(),
    auditId: text('audit_id').references(() => inboxAudits.id, { onDelete: 'set null' }),
    content: jsonb('content').$type<ScopeContent>().notNull(),
    createdByStaffId: text('created_by_staff_id').references(() => staffUser.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    signedByStaffId: text('signed_by_staff_id').references(() => staffUser.id, { onDelete: 'set null' }),
    signedAt: timestamp('signed_at', { withTimezone: true }),
  },
);
