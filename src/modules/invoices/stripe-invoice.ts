import type Stripe from 'stripe';
import { getStripe } from '@/platform/stripe/client';
import { callStripe } from '@/platform/stripe/errors';
import type { BillTo, InvoiceLine } from './schema';

/** A Stripe invoice as the portal mirrors it. */
export type FetchedInvoice = {
  stripeInvoiceId: string;
  customerId: string;
  number: string | null;
  status: string;
  currency: string;
  subtotal: bigint;
  tax: bigint;
  total: bigint;
  amountPaid: bigint;
  issuedAt: Date;
  dueAt: Date | null;
  periodStart: Date | null;
  periodEnd: Date | null;
  paidAt: Date | null;
  lines: InvoiceLine[];
  billTo: BillTo;
  pdfUrl: string | null;
};

const date = (seconds: number | null | undefined) => (seconds ? new Date(seconds * 1000) : null);

function lineOf(line: Stripe.InvoiceLineItem): InvoiceLine {
  const parent = line.parent;
  const proration = parent?.subscription_item_details?.proration ?? parent?.invoice_item_details?.proration ?? false;
  const quantity = line.quantity ?? 1;
  const unit = line.pricing?.unit_amount_decimal;
  return {
    description: line.description ?? '',
    quantity,
    unitAmount: unit != null ? Math.round(Number(unit)) : Math.round(line.amount / Math.max(quantity, 1)),
    amount: line.amount,
    periodStart: date(line.period?.start)?.toISOString() ?? null,
    periodEnd: date(line.period?.end)?.toISOString() ?? null,
    proration,
  };
}

function addressLines(address: Stripe.Address | null | undefined): string[] {
  if (!address) return [];
  return [address.line1, address.line2, [address.postal_code, address.city].filter(Boolean).join(' '), address.state, address.country].filter((l): l is string => Boolean(l));
}

export function fetchedInvoiceOf(invoice: Stripe.Invoice, lines: Stripe.InvoiceLineItem[]): FetchedInvoice {
  const mapped = lines.map(lineOf);
  const starts = lines.map((l) => l.period?.start).filter((s): s is number => Boolean(s));
  const ends = lines.map((l) => l.period?.end).filter((e): e is number => Boolean(e));
  return {
    stripeInvoiceId: invoice.id!,
    customerId: typeof invoice.customer === 'string' ? invoice.customer : (invoice.customer?.id ?? ''),
    number: invoice.number ?? null,
    status: invoice.status ?? 'draft',
    currency: invoice.currency,
    subtotal: BigInt(invoice.subtotal),
    tax: (invoice.total_taxes ?? []).reduce((sum, t) => sum + BigInt(t.amount), 0n),
    total: BigInt(invoice.total),
    amountPaid: BigInt(invoice.amount_paid),
    issuedAt: date(invoice.status_transitions?.finalized_at) ?? new Date(invoice.created * 1000),
    dueAt: date(invoice.due_date),
    // The invoice's own period_* fields describe the previous period's usage; the lines say what is billed.
    periodStart: starts.length > 0 ? date(Math.min(...starts)) : date(invoice.period_start),
    periodEnd: ends.length > 0 ? date(Math.max(...ends)) : date(invoice.period_end),
    paidAt: date(invoice.status_transitions?.paid_at),
    lines: mapped,
    billTo: {
      companyName: invoice.customer_name ?? '',
      billingEmail: invoice.customer_email ?? null,
      addressLines: addressLines(invoice.customer_address),
      taxIds: (invoice.customer_tax_ids ?? []).map((t) => ({ type: t.type, value: t.value ?? '' })),
    },
    pdfUrl: invoice.invoice_pdf ?? null,
  };
}

async function allLines(invoice: Stripe.Invoice): Promise<Stripe.InvoiceLineItem[]> {
  if (!invoice.lines.has_more) return invoice.lines.data;
  return getStripe().invoices.listLineItems(invoice.id!, { limit: 100 }).autoPagingToArray({ limit: 10_000 });
}

export async function fetchStripeInvoice(invoiceId: string): Promise<FetchedInvoice> {
  return callStripe(async () => {
    const invoice = await getStripe().invoices.retrieve(invoiceId);
    return fetchedInvoiceOf(invoice, await allLines(invoice));
  });
}

/** Every invoice of a customer, drafts excluded (they are not the customer's business yet). */
export async function fetchStripeInvoicesOf(customerId: string): Promise<FetchedInvoice[]> {
  return callStripe(async () => {
    const fetched: FetchedInvoice[] = [];
    for await (const invoice of getStripe().invoices.list({ customer: customerId, limit: 100 })) {
      if (invoice.status !== 'draft') fetched.push(fetchedInvoiceOf(invoice, await allLines(invoice)));
    }
    return fetched;
  });
}

export async function payStripeInvoiceOutOfBand(invoiceId: string): Promise<FetchedInvoice> {
  return callStripe(async () => {
    const invoice = await getStripe().invoices.pay(invoiceId, { paid_out_of_band: true });
    return fetchedInvoiceOf(invoice, await allLines(invoice));
  });
}
