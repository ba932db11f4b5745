import { and, eq } from 'drizzle-orm';
import type { Actor } from '@/platform/actions/actor';
import { defineAction, type ActionContext } from '@/platform/actions/define';
import { customerInReach } from '@/platform/actions/staff-reach';
import { getDb } from '@/platform/db/client';
import type { Db } from '@/platform/db/types';
import { AppError, conflict, notFound } from '@/platform/http/errors';
import { toJsonAmount } from '@/platform/money/minor-units';
import { organization } from '@/platform/tenancy/schema';
import { formatMoney } from '@/ui/money';
import { amountDueOf } from './amount-due';
import { contractInvoiceInput, markPaidInput, reportPaymentInput, staffMarkPaidInput } from './inputs';
import { applyStripeInvoice } from './mirror';
import { invoiceDetail, invoiceOf } from './read';
import { billToNow } from './bill-to';
import { invoice } from './schema';
import { payStripeInvoiceOutOfBand, type FetchedInvoice } from './stripe-invoice';

async function organizationIdOf(db: Db, externalId: string): Promise<string> {
  const [row] = await db.select({ id: organization.id }).from(organization).where(eq(organization.externalId, externalId));
  if (!row) throw notFound('Organization');
  return row.id;
}

/** A contract (offline) invoice pushed by the host; made out to the billing details on file now. */
export const createContractInvoice = defineAction({
  name: 'host.create_invoice',
  input: contractInvoiceInput,
  async run({ tx, emit }, input) {
    const organizationId = await organizationIdOf(tx, input.externalId);
    const { total } = input;
    const lines = input.lines.map((l) => ({ ...l, amount: toJsonAmount(l.amount), periodStart: input.periodStart.toISOString(), periodEnd: input.periodEnd.toISOString(), proration: false }));
    const [row] = await tx
      .insert(invoice)
      .values({
        id: crypto.randomUUID(),
        organizationId,
        provider: 'contract',
        number: input.number,
        status: 'open',
        currency: input.currency,
        subtotal: total,
        total,
        issuedAt: input.issuedAt,
        dueAt: input.dueAt,
        periodStart: input.periodStart,
        periodEnd: input.periodEnd,
        lines,
        billTo: await billToNow(tx, organizationId),
      })
      .onConflictDoNothing()
      .returning();
    if (!row) throw conflict(`Invoice number ${input.number} already exists for this organization.`);
    const view = invoiceDetail(row);
    emit('invoice.issued', { organizationId, invoiceId: row.id, number: row.number, total: view.total, currency: row.currency });
    return { result: { invoice: view }, audit: { organizationId, entityType: 'invoice', entityId: row.id, after: view } };
  },
});

/** "I paid by bank transfer": recorded for staff to confirm; the invoice shows "payment reported". */
export const reportPayment = defineAction({
  name: 'invoices.report_payment',
  input: reportPaymentInput,
  async run({ actor, tx, emit }, input) {
    const organizationId = actor.organizationId!;
    const [row] = await tx.select().from(invoice).where(and(eq(invoice.id, input.invoiceId), eq(invoice.organizationId, organizationId))).for('update');
    if (!row) throw notFound('Invoice');
    if (row.status === 'paid') throw conflict('This invoice is already paid.');
    if (row.status !== 'open') throw conflict('This invoice is not open for payment.');
    const due = amountDueOf(row);
    if (due <= 0n) throw conflict('Nothing is due on this invoice.');
    if (BigInt(input.amount) > due) throw new AppError('validation_failed', 'Some fields are not valid.', { amount: `The amount cannot be more than the ${formatMoney(due, row.currency)} due.` });
    const report = { reference: input.reference, paidAt: input.paidAt, amount: input.amount, reportedAt: new Date().toISOString(), reportedBy: reporterOf(actor) };
    const [updated] = await tx.update(invoice).set({ paymentReport: report, updatedAt: new Date() }).where(eq(invoice.id, row.id)).returning();
    emit('invoice.payment_reported', { organizationId, invoiceId: row.id, number: row.number, ...report });
    return { result: { invoice: invoiceDetail(updated!) }, audit: { entityType: 'invoice', entityId: row.id, before: { paymentReport: row.paymentReport }, after: { paymentReport: report } } };
  },
});

const reporterOf = (actor: Actor) => ('email' in actor ? actor.email : actor.type);

type PaidAtStripe = { fetched: FetchedInvoice; fetchedAt: Date } | null;

/** A Stripe invoice is marked paid out of band at Stripe first, before the transaction (Stripe cannot join it). */
async function payAtStripeFirst(db: Db, organizationId: string, invoiceId: string): Promise<PaidAtStripe> {
  const row = await invoiceOf(db, organizationId, invoiceId);
  if (row.provider !== 'stripe' || row.status === 'paid') return null;
  const fetchedAt = new Date();
  return { fetched: await payStripeInvoiceOutOfBand(row.stripeInvoiceId!), fetchedAt };
}

/**
 * Not undone when the confirmation then fails here: a payment recorded at Stripe cannot be taken
 * back. Its invoice.paid webhook brings the mirror in line; the audit row says who did it.
 */
function paidOutside(organizationId: string, invoiceId: string, paidAtStripe: PaidAtStripe) {
  return paidAtStripe ? { organizationId, entityType: 'invoice', entityId: invoiceId, after: { paidAtStripe: paidAtStripe.fetched.stripeInvoiceId, status: paidAtStripe.fetched.status } } : null;
}

/**
 * A confirmed payment: a contract invoice becomes paid here, a Stripe one takes the state Stripe
 * answered. Confirming a paid invoice again changes nothing. `note` (what support recorded) goes to
 * the audit row and the event.
 */
async function confirmPaid({ tx, emit }: ActionContext, organizationId: string, invoiceId: string, paidAtStripe: PaidAtStripe, note: { reference?: string } = {}) {
  const [row] = await tx.select().from(invoice).where(and(eq(invoice.id, invoiceId), eq(invoice.organizationId, organizationId))).for('update');
  if (!row) throw notFound('Invoice');
  if (row.status === 'paid') return { result: { invoice: invoiceDetail(row) }, audit: { organizationId, entityType: 'invoice', entityId: row.id, before: { status: row.status }, after: { status: row.status, ...note } } };
  if (row.status !== 'open') throw conflict('Only an open invoice can be marked paid.');
  const updated = paidAtStripe
    ? await applyStripeInvoice(tx, organizationId, paidAtStripe.fetched, paidAtStripe.fetchedAt)
    : (await tx.update(invoice).set({ status: 'paid', paidAt: new Date(), amountPaid: row.total, updatedAt: new Date() }).where(eq(invoice.id, row.id)).returning())[0];
  const after = updated ?? row;
  emit('invoice.paid', { organizationId, invoiceId: row.id, number: row.number, total: toJsonAmount(row.total), currency: row.currency, source: 'staff', ...note });
  return { result: { invoice: invoiceDetail(after) }, audit: { organizationId, entityType: 'invoice', entityId: row.id, before: { status: row.status, paymentReport: row.paymentReport }, after: { status: after.status, ...note } } };
}

/** The host's staff tool confirms a payment (`POST /api/v1/organizations/{externalId}/invoices/{id}/mark-paid`). */
export const markInvoicePaid = defineAction({
  name: 'host.mark_invoice_paid',
  input: markPaidInput,
  async prepare(_ctx, input) {
    const db = await getDb();
    const organizationId = await organizationIdOf(db, input.externalId);
    return { organizationId, paidAtStripe: await payAtStripeFirst(db, organizationId, input.invoiceId) };
  },
  outsideChange: ({ organizationId, paidAtStripe }, input) => paidOutside(organizationId, input.invoiceId, paidAtStripe),
  async run(ctx, input, { paidAtStripe }) {
    return confirmPaid(ctx, await organizationIdOf(ctx.tx, input.externalId), input.invoiceId, paidAtStripe);
  },
});

/** The support team confirms a payment from the console: the same change, on any customer's invoice. */
export const staffMarkInvoicePaid = defineAction({
  name: 'staff.invoices.mark_paid',
  input: staffMarkPaidInput,
  async prepare({ actor }, input) {
    const db = await getDb();
    const [row] = await db.select({ organizationId: invoice.organizationId }).from(invoice).where(eq(invoice.id, input.invoiceId));
    const organizationId = customerInReach(actor, row?.organizationId, 'Invoice');
    return { organizationId, paidAtStripe: await payAtStripeFirst(db, organizationId, input.invoiceId) };
  },
  outsideChange: ({ organizationId, paidAtStripe }, input) => paidOutside(organizationId, input.invoiceId, paidAtStripe),
  async run(ctx, input, { organizationId, paidAtStripe }) {
    return confirmPaid(ctx, organizationId, input.invoiceId, paidAtStripe, input.reference ? { reference: input.reference } : {});
  },
});
