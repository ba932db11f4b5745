import { asc, inArray } from 'drizzle-orm';
import type { Db } from '@/platform/db/types';
import { notFound } from '@/platform/http/errors';
import { invoiceRevision, type BillTo, type invoice } from './schema';

type InvoiceRow = typeof invoice.$inferSelect;

export type Revision = { revision: number; createdAt: Date; billTo: BillTo };

export type RevisionView = { revision: number; createdAt: string; superseded: boolean; billTo: BillTo };

export const emptyBillTo: BillTo = { companyName: '', billingEmail: null, addressLines: [], taxIds: [] };

/** An invoice never corrected has one revision, the original, as the invoice row holds it. */
function withOriginal(row: InvoiceRow, stored: Revision[]): Revision[] {
  return stored.length > 0 ? stored : [{ revision: 1, createdAt: row.issuedAt, billTo: row.billTo ?? emptyBillTo }];
}

/** Every revision of each invoice, oldest first, keyed by invoice id. */
export async function revisionsOfInvoices(db: Db, rows: InvoiceRow[]): Promise<Map<string, Revision[]>> {
  const stored = rows.length === 0 ? [] : await db.select().from(invoiceRevision).where(inArray(invoiceRevision.invoiceId, rows.map((r) => r.id))).orderBy(asc(invoiceRevision.revision));
  const byInvoice = new Map<string, Revision[]>();
  for (const revision of stored) byInvoice.set(revision.invoiceId, [...(byInvoice.get(revision.invoiceId) ?? []), revision]);
  return new Map(rows.map((row) => [row.id, withOriginal(row, byInvoice.get(row.id) ?? [])]));
}

export async function revisionsOf(db: Db, row: InvoiceRow): Promise<Revision[]> {
  return (await revisionsOfInvoices(db, [row])).get(row.id)!;
}

export function revisionViews(revisions: Revision[]): RevisionView[] {
  const latest = revisions.at(-1)!.revision;
  return revisions.map((r) => ({ revision: r.revision, createdAt: r.createdAt.toISOString(), superseded: r.revision !== latest, billTo: r.billTo }));
}

/** Revision `number` of the invoice (the latest when none is asked for); one that does not exist is not found. */
export function pickRevision(revisions: Revision[], number?: number): { revision: Revision; previous: Revision | null; next: Revision | null } {
  const index = number === undefined ? revisions.length - 1 : revisions.findIndex((r) => r.revision === number);
  if (index < 0) throw notFound('Revision');
  return { revision: revisions[index]!, previous: revisions[index - 1] ?? null, next: revisions[index + 1] ?? null };
}
