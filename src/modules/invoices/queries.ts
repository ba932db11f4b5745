import { MAX_INVOICES_PER_ARCHIVE } from '@config/billing';
import { billingForScreen, billingWithFirstSync } from '@/modules/stripe-sync/service';
import { permits } from '@/platform/actions/authorize';
import { defineQuery } from '@/platform/actions/define-query';
import { invoiceArchive, invoicePdf } from './documents';
import { invoiceIdInput, invoicePdfInput, invoiceRangeInput } from './inputs';
import { getInvoice, listInvoices, type InvoiceDetail, type InvoiceSummary } from './read';


/** The invoices issued in the range (`GET /api/account/invoices`); a Stripe customer's first look fetches them. */
export const invoicesQuery = defineQuery({
  name: 'invoices.read',
  input: invoiceRangeInput,
  async run({ db, organizationId }, range) {
    await billingWithFirstSync(db, organizationId);
    return { invoices: await listInvoices(db, organizationId, range) };
  },
});

/** One invoice of the organization; another organization's is not found. */
export const invoiceQuery = defineQuery({
  name: 'invoices.read',
  input: invoiceIdInput,
  run: async ({ db, organizationId }, { invoiceId }) => ({ invoice: await getInvoice(db, organizationId, invoiceId) }),
});

export const invoicePdfQuery = defineQuery({
  name: 'invoices.read',
  input: invoicePdfInput,
  run: ({ db, organizationId }, { invoiceId, revision }) => invoicePdf(db, organizationId, invoiceId, revision),
});

/** The PDFs of the range as one ZIP, named after the range. */
export const invoiceArchiveQuery = defineQuery({
  name: 'invoices.read',
  input: invoiceRangeInput,
  async run({ db, organizationId }, range) {
    const zip = await invoiceArchive(db, organizationId, range);
    return { zip, fileName: `invoices${range.from ? `-from-${range.from}` : ''}${range.to ? `-to-${range.to}` : ''}.zip` };
  },
});

export type InvoicesScreen = {
  /** Up to one more than an archive takes, so the screen knows when the range is too long for one. */
  invoices: InvoiceSummary[];
  stripeProblem: string | null;
};

/** The Invoices screen: what is on file even when Stripe is down. */
export const invoicesScreenQuery = defineQuery({
  name: 'invoices.read',
  input: invoiceRangeInput,
  async run({ db, organizationId }, range): Promise<InvoicesScreen> {
    const { stripeProblem } = await billingForScreen(db, organizationId);
    return { invoices: await listInvoices(db, organizationId, range, MAX_INVOICES_PER_ARCHIVE + 1), stripeProblem };
  },
});

/** One invoice's screen, and whether the reader may report paying it. */
export const invoiceScreenQuery = defineQuery({
  name: 'invoices.read',
  input: invoiceIdInput,
  async run({ actor, db, organizationId }, { invoiceId }): Promise<{ invoice: InvoiceDetail; canReportPayment: boolean }> {
    const invoice = await getInvoice(db, organizationId, invoiceId);
    return { invoice, canReportPayment: invoice.status === 'open' && !invoice.paymentReport && permits(actor, 'invoices.report_payment') };
  },
});
