export { createContractInvoice, markInvoicePaid, reportPayment, staffMarkInvoicePaid } from './actions';
export { seedDemoContractInvoices } from './demo-invoices';
export { invoiceArchive, invoicePdf } from './documents';
export { invoiceRangeInput, type InvoiceRange } from './inputs';
export { applyStripeInvoice } from './mirror';
export { listInvoices, getInvoice } from './read';
export { fetchStripeInvoice, fetchStripeInvoicesOf, type FetchedInvoice } from './stripe-invoice';
export type { InvoiceDetail, InvoiceSummary } from './read';
