import { invoiceSeller, MAX_INVOICES_PER_ARCHIVE } from '@config/billing';
import type { Db } from '@/platform/db/types';
import { AppError } from '@/platform/http/errors';
import { taxIdLabelOf } from './bill-to';
import type { InvoiceRange } from './inputs';
import { renderInvoicePdf } from './pdf';
import { countInvoices, invoiceOf, listInvoiceRows } from './read';
import type { invoice } from './schema';
import { zipFiles } from './zip';

type InvoiceRow = typeof invoice.$inferSelect;

const PDF_FETCH_TIMEOUT_MS = 15_000;
const PDF_FETCH_CONCURRENCY = 4;

export const invoiceFileName = (row: InvoiceRow) => `${row.number ?? row.id}.pdf`;

/** Our own rendering: contract invoices, and any Stripe invoice Stripe has no PDF for. */
function renderOurs(row: InvoiceRow): Promise<Buffer> {
  const billTo = row.billTo ?? { companyName: '', billingEmail: null, addressLines: [], taxIds: [] };
  return renderInvoicePdf({
    number: row.number ?? row.id,
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

/** One invoice's PDF, after the ownership check: a link to Stripe's, or ours rendered. */
export async function invoicePdf(db: Db, organizationId: string, invoiceId: string): Promise<{ redirect: string } | { fileName: string; pdf: Buffer }> {
  const row = await invoiceOf(db, organizationId, invoiceId);
  if (row.provider === 'stripe' && row.pdfUrl) return { redirect: row.pdfUrl };
  return { fileName: invoiceFileName(row), pdf: await renderOurs(row) };
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
  const files = await mapLimited(rows, PDF_FETCH_CONCURRENCY, async (row) => ({
    name: invoiceFileName(row),
    data: row.provider === 'stripe' && row.pdfUrl ? await fetchProviderPdf(row.pdfUrl) : await renderOurs(row),
  }));
  return zipFiles(files);
}
