// Invoices and their lines, through Stripe's lifecycle: draft → open (finalized) → paid or void.
import { fakeId, found, liveCustomer, type FakeStripeCore } from './core';
import { taxIdsOf } from './customers';
import { invalidRequest } from './errors';
import type { FakeCreditNote, FakeInvoice, FakeInvoiceLine, FakeSubscription } from './objects';

export type FakeInvoiceLineInput = {
  description: string;
  quantity: number;
  unitAmount: number;
  /** By default quantity × unitAmount; prorations give their own. */
  amount?: number;
  periodStart: number;
  periodEnd: number;
  proration?: boolean;
};

export type FakeInvoiceInput = {
  /** By default FAKE-0001, FAKE-0002… per customer, given at finalization. */
  number?: string;
  status?: 'open' | 'paid' | 'draft';
  /** By default the subscription's currency, else eur. */
  currency?: string;
  created?: number;
  dueDate?: number | null;
  periodStart?: number;
  periodEnd?: number;
  subscription?: string;
  metadata?: Record<string, string>;
  lines: FakeInvoiceLineInput[];
};

/** How many lines an invoice embeds; the rest are listed at /v1/invoices/:id/lines. */
const EMBEDDED_LINES = 10;

function lineOf(input: FakeInvoiceLineInput, currency: string, subscription: FakeSubscription | undefined): FakeInvoiceLine {
  const item = subscription?.items.data[0];
  return {
    id: fakeId('il'),
    object: 'line_item',
    amount: input.amount ?? input.quantity * input.unitAmount,
    currency,
    description: input.description,
    quantity: input.quantity,
    period: { start: input.periodStart, end: input.periodEnd },
    pricing: {
      type: 'price_details',
      unit_amount_decimal: String(input.unitAmount),
      price_details: { price: item?.price.id ?? fakeId('price'), product: item?.price.product ?? fakeId('prod') },
    },
    parent:
      subscription && item
        ? {
            type: 'subscription_item_details',
            subscription_item_details: { proration: input.proration ?? false, proration_details: { credited_items: null }, subscription: subscription.id, subscription_item: item.id },
          }
        : null,
    livemode: false,
    metadata: {},
  };
}

export function invoiceMutators(core: FakeStripeCore) {
  const { state } = core;
  const invoice = (id: string) => found(state.invoices, id, 'invoice');

  const finalize = (draft: FakeInvoice, number: string | undefined) =>
    core.change('invoice.finalized', draft, (i) => {
      const numbered = [...state.invoices.values()].filter((other) => other.customer === i.customer && other.number !== null).length;
      i.status = 'open';
      i.number = number ?? `FAKE-${String(numbered + 1).padStart(4, '0')}`;
      i.invoice_pdf = `${core.baseUrl}/invoice_pdf/${i.id}`;
      i.hosted_invoice_url = `${core.baseUrl}/hosted_invoice/${i.id}`;
      i.status_transitions.finalized_at = i.created;
    });

  const settle = (open: FakeInvoice, paidAt: number) =>
    core.change('invoice.paid', open, (i) => {
      i.status = 'paid';
      i.amount_paid = i.amount_due;
      i.amount_remaining = 0;
      i.status_transitions.paid_at = paidAt;
    });

  return {
    /** Copies the customer's name, email, address and tax IDs onto the invoice, as Stripe does. */
    createInvoice(customerId: string, input: FakeInvoiceInput): FakeInvoice {
      const customer = liveCustomer(state, customerId);
      const subscription = input.subscription ? found(state.subscriptions, input.subscription, 'subscription') : undefined;
      if (subscription && subscription.customer !== customer.id) throw invalidRequest(`The subscription ${subscription.id} belongs to another customer.`, { param: 'subscription' });
      const id = fakeId('in');
      const currency = input.currency ?? subscription?.currency ?? 'eur';
      const created = input.created ?? core.now();
      const lines = input.lines.map((line) => lineOf(line, currency, subscription));
      const total = lines.reduce((sum, line) => sum + line.amount, 0);
      const amountDue = Math.max(0, total);
      const draft: FakeInvoice = {
        id,
        object: 'invoice',
        customer: customer.id,
        number: null,
        status: 'draft',
        currency,
        subtotal: total,
        total,
        total_taxes: [],
        amount_due: amountDue,
        amount_paid: 0,
        amount_remaining: amountDue,
        created,
        due_date: input.dueDate ?? null,
        period_start: input.periodStart ?? created,
        period_end: input.periodEnd ?? created,
        invoice_pdf: null,
        hosted_invoice_url: null,
        customer_name: customer.name,
        customer_email: customer.email,
        customer_address: structuredClone(customer.address),
        customer_tax_ids: taxIdsOf(state, customer.id).map(({ type, value }) => ({ type, value })),
        status_transitions: { finalized_at: null, paid_at: null, voided_at: null, marked_uncollectible_at: null },
        parent: subscription ? { type: 'subscription_details', subscription_details: { subscription: subscription.id } } : null,
        lines: { object: 'list', url: `/v1/invoices/${id}/lines`, has_more: lines.length > EMBEDDED_LINES, data: lines.slice(0, EMBEDDED_LINES) },
        livemode: false,
        metadata: input.metadata ?? {},
      };
      state.invoices.set(id, draft);
      state.invoiceLines.set(id, lines);
      core.emit('invoice.created', draft);
      if (input.status === 'draft') return draft;
      finalize(draft, input.number);
      return input.status === 'paid' ? settle(draft, created) : draft;
    },

    /** Paid out of band or with the default card: the fake does not model charges. A draft is finalized first. */
    payInvoice(id: string): FakeInvoice {
      const unpaid = invoice(id);
      if (unpaid.status === 'paid') throw invalidRequest('Invoice is already paid');
      if (unpaid.status === 'void') throw invalidRequest(`Invoice ${id} is void and can no longer be paid.`);
      if (unpaid.status === 'draft') finalize(unpaid, undefined);
      return settle(unpaid, core.now());
    },

    /** An invoice item added to a draft (`POST /v1/invoiceitems` with `invoice`): the totals follow. */
    addInvoiceLine(id: string, input: FakeInvoiceLineInput): FakeInvoice {
      const draft = invoice(id);
      if (draft.status !== 'draft') throw invalidRequest(`Invoice ${id} is ${draft.status}; items can only be added to a draft.`, { param: 'invoice' });
      const lines = [...(state.invoiceLines.get(id) ?? []), lineOf(input, draft.currency, undefined)];
      const total = lines.reduce((sum, line) => sum + line.amount, 0);
      state.invoiceLines.set(id, lines);
      return core.change('invoice.updated', draft, (i) => {
        Object.assign(i, { subtotal: total, total, amount_due: Math.max(0, total), amount_remaining: Math.max(0, total) });
        i.lines = { ...i.lines, has_more: lines.length > EMBEDDED_LINES, data: lines.slice(0, EMBEDDED_LINES) };
      });
    },

    finalizeInvoice(id: string): FakeInvoice {
      const draft = invoice(id);
      if (draft.status !== 'draft') throw invalidRequest(`This invoice is already finalized, you can't re-finalize a non-draft invoice.`);
      return finalize(draft, undefined);
    },

    /**
     * A credit note for a finalized invoice: it first reduces what is still due (pre-payment), the
     * rest (post-payment) must be credited to the balance, refunded or settled outside Stripe.
     */
    createCreditNote(input: { invoice: string; amount: number; creditAmount?: number; outOfBandAmount?: number; memo?: string; reason?: FakeCreditNote['reason']; metadata?: Record<string, string> }): FakeCreditNote {
      const credited = invoice(input.invoice);
      if (credited.status === 'draft' || credited.status === 'void') throw invalidRequest(`Invoice ${credited.id} is ${credited.status}; only a finalized invoice can be credited.`, { param: 'invoice' });
      const already = [...state.creditNotes.values()].filter((n) => n.invoice === credited.id).reduce((sum, n) => sum + n.amount, 0);
      if (input.amount <= 0 || already + input.amount > credited.total) throw invalidRequest('The credit note amount cannot exceed the amount left to credit on the invoice.', { param: 'amount' });
      const prePayment = Math.min(input.amount, credited.amount_remaining);
      const postPayment = input.amount - prePayment;
      if ((input.creditAmount ?? 0) + (input.outOfBandAmount ?? 0) !== postPayment) {
        throw invalidRequest('The sum of credit_amount, refund_amount and out_of_band_amount must equal the post-payment amount of the credit note.', { param: 'credit_amount' });
      }
      const note: FakeCreditNote = {
        id: fakeId('cn'),
        object: 'credit_note',
        amount: input.amount,
        subtotal: input.amount,
        total: input.amount,
        created: core.now(),
        currency: credited.currency,
        customer: credited.customer,
        invoice: credited.id,
        memo: input.memo ?? null,
        number: `${credited.number ?? credited.id}-CN-${String(state.creditNotes.size + 1).padStart(2, '0')}`,
        pre_payment_amount: prePayment,
        post_payment_amount: postPayment,
        out_of_band_amount: input.outOfBandAmount ?? null,
        reason: input.reason ?? null,
        status: 'issued',
        type: postPayment > 0 ? 'post_payment' : 'pre_payment',
        livemode: false,
        metadata: input.metadata ?? {},
      };
      state.creditNotes.set(note.id, note);
      if (prePayment > 0) core.change('invoice.updated', credited, (i) => Object.assign(i, { amount_due: i.amount_due - prePayment, amount_remaining: i.amount_remaining - prePayment }));
      core.emit('credit_note.created', note);
      return note;
    },

    /** A declined charge: Stripe says so and the invoice stays open. */
    failInvoicePayment(id: string): FakeInvoice {
      const open = invoice(id);
      if (open.status !== 'open') throw invalidRequest(`Invoice ${id} is ${open.status}; only an open invoice can fail to be paid.`);
      core.emit('invoice.payment_failed', open);
      return open;
    },

    voidInvoice(id: string): FakeInvoice {
      const open = invoice(id);
      if (open.status !== 'open' && open.status !== 'uncollectible') throw invalidRequest(`Invoice ${id} is ${open.status}; only an open invoice can be voided.`);
      return core.change('invoice.voided', open, (i) => {
        i.status = 'void';
        i.status_transitions.voided_at = core.now();
      });
    },
  };
}
