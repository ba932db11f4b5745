import type { Actor } from '@/platform/actions/actor';
import { executeAction } from '@/platform/actions/execute';
import type { Db } from '@/platform/db/types';
import { createContractInvoice, markInvoicePaid, reportPayment } from './actions';
import type { InvoiceRange } from './inputs';
import { invoiceDetail, invoiceOf, invoiceSummary, listInvoiceRows, type InvoiceDetail, type InvoiceSummary } from './read';

export { staffMarkInvoicePaid } from './actions';
export { seedDemoContractInvoices } from './demo-invoices';
export { invoiceArchive, invoicePdf } from './documents';
export { invoiceRangeInput, type InvoiceRange } from './inputs';
export { applyStripeInvoice } from './mirror';
export { fetchStripeInvoice, fetchStripeInvoicesOf, type FetchedInvoice } from './stripe-invoice';
export type { InvoiceDetail, InvoiceSummary } from './read';

type Options = { db?: Db; headers?: Headers };

/** The newest first; the screen shows at most `limit`. */
export async function listInvoices(db: Db, organizationId: string, range: InvoiceRange, limit?: number): Promise<InvoiceSummary[]> {
  return (await listInvoiceRows(db, organizationId, range, limit)).map(invoiceSummary);
}

export async function getInvoice(db: Db, organizationId: string, invoiceId: string): Promise<InvoiceDetail> {
  return invoiceDetail(await invoiceOf(db, organizationId, invoiceId));
}

export const issueContractInvoice = (actor: Actor | null, input: unknown, options: Options = {}) => executeAction(actor, createContractInvoice, input, options);
export const reportInvoicePayment = (actor: Actor | null, input: unknown, options: Options = {}) => executeAction(actor, reportPayment, input, options);
export const confirmInvoicePayment = (actor: Actor | null, input: unknown, options: Options = {}) => executeAction(actor, markInvoicePaid, input, options);
