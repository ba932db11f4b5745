import { and, count, desc, eq, gte, lt, ne, type SQL } from 'drizzle-orm';
import type { Db } from '@/platform/db/types';
import { notFound } from '@/platform/http/errors';
import { toJsonAmount } from '@/platform/money/minor-units';
import { amountDueOf } from './amount-due';
import { explainInvoice } from './explain';
import type { InvoiceRange } from './inputs';
import { invoice, type InvoiceLine, type PaymentReport } from './schema';

type InvoiceRow = typeof invoice.$inferSelect;

export type InvoiceSummary = {
  id: string;
  number: string | null;
  status: string;
  total: number;
  currency: string;
  createdAt: string;
  periodStart: string | null;
  periodEnd: string | null;
  /** A bank transfer was reported and awaits confirmation. */
  paymentReported: boolean;
  provider: string;
};

export type InvoiceDetail = InvoiceSummary & {
  subtotal: number;
  tax: number;
  amountPaid: number;
  amountDue: number;
  dueAt: string | null;
  paidAt: string | null;
  lines: InvoiceLine[];
  paymentReport: PaymentReport | null;
  explanation: string[];
};

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function invoiceSummary(row: InvoiceRow): InvoiceSummary {
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    total: toJsonAmount(row.total),
    currency: row.currency,
    createdAt: row.issuedAt.toISOString(),
    periodStart: iso(row.periodStart),
    periodEnd: iso(row.periodEnd),
    paymentReported: row.paymentReport !== null && row.status === 'open',
    provider: row.provider,
  };
}

export function invoiceDetail(row: InvoiceRow): InvoiceDetail {
  return {
    ...invoiceSummary(row),
    subtotal: toJsonAmount(row.subtotal),
    tax: toJsonAmount(row.tax),
    amountPaid: toJsonAmount(row.amountPaid),
    amountDue: toJsonAmount(amountDueOf(row)),
    dueAt: iso(row.dueAt),
    paidAt: iso(row.paidAt),
    lines: row.lines,
    paymentReport: row.paymentReport,
    explanation: explainInvoice(row),
  };
}

const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000);

function inRange(organizationId: string, range: InvoiceRange): SQL {
  const conditions = [eq(invoice.organizationId, organizationId), ne(invoice.status, 'draft')];
  if (range.from) conditions.push(gte(invoice.issuedAt, new Date(`${range.from}T00:00:00Z`)));
  if (range.to) conditions.push(lt(invoice.issuedAt, nextDay(range.to)));
  return and(...conditions)!;
}

/** The organization's invoices issued in the range, newest first. */
export async function listInvoiceRows(db: Db, organizationId: string, range: InvoiceRange, limit?: number): Promise<InvoiceRow[]> {
  const query = db.select().from(invoice).where(inRange(organizationId, range)).orderBy(desc(invoice.issuedAt), desc(invoice.id));
  return limit === undefined ? query : query.limit(limit);
}

export async function countInvoices(db: Db, organizationId: string, range: InvoiceRange): Promise<number> {
  const [row] = await db.select({ n: count() }).from(invoice).where(inRange(organizationId, range));
  return row?.n ?? 0;
}

/** One invoice of the organization; another organization's id is simply not found. */
export async function invoiceOf(db: Db, organizationId: string, invoiceId: string): Promise<InvoiceRow> {
  const [row] = await db.select().from(invoice).where(and(eq(invoice.id, invoiceId), eq(invoice.organizationId, organizationId)));
  if (!row) throw notFound('Invoice');
  return row;
}

/** The newest first; a screen shows at most `limit`. */
export async function listInvoices(db: Db, organizationId: string, range: InvoiceRange, limit?: number): Promise<InvoiceSummary[]> {
  return (await listInvoiceRows(db, organizationId, range, limit)).map(invoiceSummary);
}

export async function getInvoice(db: Db, organizationId: string, invoiceId: string): Promise<InvoiceDetail> {
  return invoiceDetail(await invoiceOf(db, organizationId, invoiceId));
}
