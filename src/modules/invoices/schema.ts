import { sql } from 'drizzle-orm';
import { bigint, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { organization } from '@/platform/tenancy/schema';

export type InvoiceLine = {
  description: string;
  quantity: number;
  unitAmount: number;
  amount: number;
  periodStart: string | null;
  periodEnd: string | null;
  proration: boolean;
};

/** Who the invoice is made out to, as it was when the invoice was issued. */
export type BillTo = {
  companyName: string;
  billingEmail: string | null;
  addressLines: string[];
  taxIds: { type: string; value: string }[];
};

export type PaymentReport = { reference: string; paidAt: string; amount: number; reportedAt: string; reportedBy: string };

/**
 * Every invoice of an organization: contract invoices pushed by the host (we render their PDF) and
 * the mirror of Stripe invoices (Stripe renders theirs). A Stripe row is written only by the sync,
 * guarded by the time its fetch started (`fetchedAt`), so out-of-order deliveries never roll it back.
 */
export const invoice = pgTable(
  'invoice',
  {
    id: text('id').primaryKey(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    provider: text('provider').notNull(),
    stripeInvoiceId: text('stripe_invoice_id').unique(),
    number: text('number'),
    status: text('status').notNull(),
    currency: text('currency').notNull(),
    subtotal: bigint('subtotal', { mode: 'bigint' }).notNull(),
    tax: bigint('tax', { mode: 'bigint' }).notNull().default(sql`0`),
    total: bigint('total', { mode: 'bigint' }).notNull(),
    amountPaid: bigint('amount_paid', { mode: 'bigint' }).notNull().default(sql`0`),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }),
    periodStart: timestamp('period_start', { withTimezone: true }),
    periodEnd: timestamp('period_end', { withTimezone: true }),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    lines: jsonb('lines').$type<InvoiceLine[]>().notNull(),
    billTo: jsonb('bill_to').$type<BillTo>(),
    pdfUrl: text('pdf_url'),
    paymentReport: jsonb('payment_report').$type<PaymentReport>(),
    fetchedAt: timestamp('fetched_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('invoice_org_number_idx').on(t.organizationId, t.number), index('invoice_org_issued_idx').on(t.organizationId, t.issuedAt)],
);

/**
 * The bill-to details each issued version of an invoice carried. Revision 1 is the original, written
 * with the first correction; the invoice row's `billTo` is always the latest revision's.
 */
export const invoiceRevision = pgTable(
  'invoice_revision',
  {
    id: text('id').primaryKey(),
    invoiceId: text('invoice_id')
      .notNull()
      .references(() => invoice.id, { onDelete: 'cascade' }),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    revision: integer('revision').notNull(),
    billTo: jsonb('bill_to').$type<BillTo>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('invoice_revision_invoice_revision_idx').on(t.invoiceId, t.revision)],
);

export type CorrectionStatus = 'issued' | 'awaiting_approval' | 'ticket' | 'completed';

/**
 * A customer's request to reissue an invoice with the bill-to details on file. A Stripe invoice's
 * request waits for a lead; once approved, the credit note and the new invoice are recorded here.
 */
export const invoiceCorrection = pgTable(
  'invoice_correction',
  {
    id: text('id').primaryKey(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    invoiceId: text('invoice_id')
      .notNull()
      .references(() => invoice.id, { onDelete: 'cascade' }),
    status: text('status').$type<CorrectionStatus>().notNull(),
    requestedByUserId: text('requested_by_user_id'),
    billToBefore: jsonb('bill_to_before').$type<BillTo>(),
    billToAfter: jsonb('bill_to_after').$type<BillTo>().notNull(),
    changedFields: jsonb('changed_fields').$type<string[]>().notNull(),
    revision: integer('revision'),
    ticketId: text('ticket_id'),
    approvedByStaffId: text('approved_by_staff_id'),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    creditNoteId: text('credit_note_id'),
    replacementStripeInvoiceId: text('replacement_stripe_invoice_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('invoice_correction_org_idx').on(t.organizationId, t.createdAt), index('invoice_correction_status_idx').on(t.status, t.createdAt)],
);
