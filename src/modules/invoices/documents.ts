import { invoiceSeller, MAX_INVOICES_PER_ARCHIVE } from '@config/billing';
import type { Db } from '@/platform/db/types';
import { formatDate } from '@/ui/date';
import { AppError } from '@/platform/http/errors';
import { taxIdLabelOf } from './bill-to';
import type { InvoiceRange } from './inputs';
import { renderInvoicePdf } from './pdf';
import { countInvoices, invoiceOf, listInvoiceRows } from './read';
import { pickRevision, revisionsOf, revisionsOfInvoices, type Revision } from './revisions';
import type { invoice } from './schema';
import { zipFiles } from './zip';

type InvoiceRow = typeof invoice.$inferSelect;

const PDF_FETCH_TIMEOUT_MS = 15_000;
const PDF_FETCH_CONCURRENCY = 4;

/** A corrected copy keeps the invoice's number, with its revision as a suffix. */
const documentNumber = (row: InvoiceRow, revision: number) => `${row.number ?? row.id}${revision > 1 ? `-R${revision}` : ''}`;

export const invoiceFileName = (row: InvoiceRow, revision = 1) => `${documentNumber(row, revision)}.pdf`;

function noticesOf({ revision, previous, next }: ReturnType<typeof pickRevision>): string[] {
  const notices: string[] = [];
  if (previous) notices.push(`Corrected copy (revision ${revision.revision}) — replaces the version of ${formatDate(previous.createdAt.toISOString())}`);
  if (next) notices.push(`Superseded — replaced by the corrected copy of ${formatDate(next.createdAt.toISOString())}`);
  return notices;
}

/** Our own rendering of one revision (the latest by default): contract invoices, and any Stripe invoice Stripe has no PDF for. */
function renderOurs(row: InvoiceRow, revisions: Revision[], number?: number): Promise<Buffer> {
  const picked = pickRevision(revisions, number);
  const { billTo } = picked.revision;
  return renderInvoicePdf({
    number: documentNumber(row, picked.revision.revision),
    notices: noticesOf(picked),
    status: row.status as 'open',
    issuedAt: row.issuedAt.toISOString(),
    dueAt: row.dueAt?.toISOString() ?? null,
    periodStart: row.periodStart?.toISOString() ?? null,
    periodEnd: row.periodEnd?.toISOString() ?? null,
    currency: row.currency,
    seller: invoiceSeller,
    billTo: { name: billTo.companyName, email: billTo.billingEmail, addressLines: billTo.addressLines, taxIds: billTo.taxIds.map((t) => ({ label: taxIdLabelOf(t.type), value: t.value })) },
    lines: row.lines,
    subtotal: row.subtotal,
    tax: row.tax,
    total: row.total,
    amountPaid: row.amountPaid,
  });
}

async function fetchProviderPdf(url: string): Promise<Buffer> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(PDF_FETCH_TIMEOUT_MS) });
    if (!response.ok) throw new Error(`status ${response.status}`);
    return Buffer.from(await response.arrayBuffer());
  } catch (error) {
    console.error('[invoices] fetching a Stripe invoice PDF failed:', error instanceof Error ? error.message : error);
    throw new AppError('upstream_unavailable', 'Stripe did not deliver an invoice PDF. Please try again in a minute.');
  }
}

/** One invoice's PDF (a revision of it; by default the latest), after the ownership check: a link to Stripe's, or ours rendered. */
export async function invoicePdf(db: Db, organizationId: string, invoiceId: string, revision?: number): Promise<{ redirect: string } | { fileName: string; pdf: Buffer }> {
  const row = await invoiceOf(db, organizationId, invoiceId);
  const revisions = await revisionsOf(db, row);
  if (row.provider === 'stripe' && row.pdfUrl) {
    pickRevision(revisions, revision);
    return { redirect: row.pdfUrl };
  }
  const { revision: picked } = pickRevision(revisions, revision);
  return { fileName: invoiceFileName(row, picked.revision), pdf: await renderOurs(row, revisions, picked.revision) };
}

async function mapLimited<T, R>(items: T[], limit: number, map: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await map(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Every invoice PDF of the range in one ZIP; a range of more than MAX_INVOICES_PER_ARCHIVE is refused. */
export async function invoiceArchive(db: Db, organizationId: string, range: InvoiceRange): Promise<Buffer> {
  const total = await countInvoices(db, organizationId, range);
  if (total > MAX_INVOICES_PER_ARCHIVE) {
    const message = `This range holds ${total} invoices; a ZIP takes at most ${MAX_INVOICES_PER_ARCHIVE}. Choose a smaller range.`;
    throw new AppError('validation_failed', message, { from: message });
  }
  const rows = await listInvoiceRows(db, organizationId, range);
  const revisions = await revisionsOfInvoices(db, rows);
  // The latest revision of each invoice: the copy that counts.
  const files = await mapLimited(rows, PDF_FETCH_CONCURRENCY, async (row) => {
    const ofRow = revisions.get(row.id)!;
    return {
      name: invoiceFileName(row, ofRow.at(-1)!.revision),
      data: row.provider === 'stripe' && row.pdfUrl ? await fetchProviderPdf(row.pdfUrl) : await renderOurs(row, ofRow),
    };
  });
  return zipFiles(files);
}
