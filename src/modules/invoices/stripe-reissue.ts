import { getStripe } from '@/platform/stripe/client';
import { callStripe } from '@/platform/stripe/errors';
import type { invoice } from './schema';
import { fetchStripeInvoice, type FetchedInvoice } from './stripe-invoice';

type InvoiceRow = typeof invoice.$inferSelect;

export type Reissued = { creditNoteId: string; replacement: FetchedInvoice };

const seconds = (iso: string | null) => (iso ? Math.floor(Date.parse(iso) / 1000) : undefined);

/**
 * The accounting-correct correction of a Stripe invoice: a credit note for its full amount, and a new
 * invoice with the same lines, made out to the customer's details now (Stripe copies them on creation),
 * linked by metadata. Every call carries an idempotency key derived from the correction id, and its
 * parameters come from the invoice as mirrored (unchanged until the approval commits): a retry after a
 * crash gets Stripe's first answers back and creates nothing more.
 */
export async function reissueAtStripe(correctionId: string, original: InvoiceRow, customerId: string): Promise<Reissued> {
  const key = (step: string) => ({ idempotencyKey: `invoice-correction-${correctionId}-${step}` });
  const metadata = { correction_id: correctionId, replaces_invoice: original.stripeInvoiceId! };
  const total = Number(original.total);
  const paid = Number(original.amountPaid);
  return callStripe(async () => {
    const stripe = getStripe();
    const note = await stripe.creditNotes.create(
      { invoice: original.stripeInvoiceId!, amount: total, ...(paid > 0 ? { credit_amount: paid } : {}), reason: 'order_change', memo: 'Reissued with corrected billing details.', metadata },
      key('credit-note'),
    );
    const draft = await stripe.invoices.create({ customer: customerId, currency: original.currency, auto_advance: false, collection_method: 'send_invoice', days_until_due: 30, pending_invoice_items_behavior: 'exclude', metadata }, key('invoice'));
    for (const [index, line] of original.lines.entries()) {
      const start = seconds(line.periodStart);
      const end = seconds(line.periodEnd);
      await stripe.invoiceItems.create(
        { customer: customerId, invoice: draft.id!, amount: line.amount, currency: original.currency, description: line.description, ...(start && end ? { period: { start, end } } : {}) },
        key(`item-${index}`),
      );
    }
    const finalized = await stripe.invoices.finalizeInvoice(draft.id!, {}, key('finalize'));
    return { creditNoteId: note.id, replacement: await fetchStripeInvoice(finalized.id!) };
  });
}
