// /v1 writes that reissue an invoice: a draft invoice, its items, its finalization, and credit notes.
import { found, liveCustomer } from './core';
import { invalidRequest, missingParam } from './errors';
import { list, ok, type FakeRoute } from './http';

const METADATA = ['metadata[correction_id]', 'metadata[replaces_invoice]'];

function required(body: URLSearchParams, name: string): string {
  const value = body.get(name);
  if (value === null || value === '') throw missingParam(name);
  return value;
}

function integer(body: URLSearchParams, name: string): number | undefined {
  const raw = body.get(name);
  if (raw === null) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value)) throw invalidRequest(`Invalid integer: ${raw}`, { param: name });
  return value;
}

const metadataOf = (body: URLSearchParams) => Object.fromEntries(METADATA.filter((key) => body.has(key)).map((key) => [key.slice('metadata['.length, -1), body.get(key)!]));

export const correctionRoutes: FakeRoute[] = [
  {
    method: 'POST',
    pattern: /^\/v1\/invoices$/,
    accepts: ['customer', 'currency', 'auto_advance', 'collection_method', 'days_until_due', 'description', 'pending_invoice_items_behavior', ...METADATA],
    handle({ body }, { world }) {
      const customer = liveCustomer(world.state, required(body, 'customer'), 'customer');
      return ok(world.createInvoice(customer.id, { status: 'draft', currency: body.get('currency') ?? undefined, metadata: metadataOf(body), lines: [] }));
    },
  },
  {
    method: 'POST',
    pattern: /^\/v1\/invoiceitems$/,
    accepts: ['customer', 'invoice', 'amount', 'currency', 'description', 'period[start]', 'period[end]'],
    handle({ body }, { world }) {
      const invoice = found(world.state.invoices, required(body, 'invoice'), 'invoice');
      if (invoice.customer !== required(body, 'customer')) throw invalidRequest('The invoice belongs to another customer.', { param: 'invoice' });
      const amount = integer(body, 'amount');
      if (amount === undefined) throw missingParam('amount');
      const now = Math.floor(Date.now() / 1000);
      const line = { description: body.get('description') ?? '', quantity: 1, unitAmount: amount, periodStart: integer(body, 'period[start]') ?? now, periodEnd: integer(body, 'period[end]') ?? now };
      const updated = world.addInvoiceLine(invoice.id, line);
      const item = world.state.invoiceLines.get(updated.id)!.at(-1)!;
      return ok({ id: item.id.replace(/^il_/, 'ii_'), object: 'invoiceitem', amount, currency: updated.currency, customer: updated.customer, description: item.description, invoice: updated.id, livemode: false, metadata: {} });
    },
  },
  {
    method: 'POST',
    pattern: /^\/v1\/invoices\/(?<id>[^/]+)\/finalize$/,
    accepts: ['auto_advance'],
    handle({ params }, { world }) {
      return ok(world.finalizeInvoice(params.id!));
    },
  },
  {
    method: 'POST',
    pattern: /^\/v1\/credit_notes$/,
    accepts: ['invoice', 'amount', 'credit_amount', 'out_of_band_amount', 'memo', 'reason', 'email_type', ...METADATA],
    handle({ body }, { world }) {
      const amount = integer(body, 'amount');
      if (amount === undefined) throw missingParam('amount');
      const reason = body.get('reason') as 'order_change' | null;
      return ok(
        world.createCreditNote({ invoice: required(body, 'invoice'), amount, creditAmount: integer(body, 'credit_amount'), outOfBandAmount: integer(body, 'out_of_band_amount'), memo: body.get('memo') ?? undefined, reason, metadata: metadataOf(body) }),
      );
    },
  },
  {
    method: 'GET',
    pattern: /^\/v1\/credit_notes$/,
    accepts: ['invoice', 'customer', 'limit', 'starting_after'],
    handle({ path, query }, { world }) {
      const [invoice, customer] = [query.get('invoice'), query.get('customer')];
      return list(path, [...world.state.creditNotes.values()].reverse().filter((n) => (!invoice || n.invoice === invoice) && (!customer || n.customer === customer)), query);
    },
  },
];
