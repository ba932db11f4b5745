import { z } from 'zod';
import { applyStripeCustomer, applyStripeSubscription, fetchStripeCustomer, fetchStripeSubscription } from '@/modules/billing/service';
import { applyStripeInvoice, fetchStripeInvoice, fetchStripeInvoicesOf } from '@/modules/invoices/service';
import { defineAction, type ActionContext } from '@/platform/actions/define';
import { toJsonAmount } from '@/platform/money/minor-units';

const syncInput = z.discriminatedUnion('part', [
  z.object({ part: z.literal('customer'), organizationId: z.string(), customerId: z.string(), eventId: z.string().optional(), eventType: z.string().optional() }),
  z.object({ part: z.literal('subscription'), organizationId: z.string(), customerId: z.string(), eventId: z.string().optional(), eventType: z.string().optional() }),
  z.object({ part: z.literal('invoice'), organizationId: z.string(), invoiceId: z.string(), eventId: z.string().optional(), eventType: z.string().optional() }),
  z.object({ part: z.literal('invoices'), organizationId: z.string(), customerId: z.string() }),
]);

export type SyncInput = z.infer<typeof syncInput>;

/** Fetches the current state of one part of a customer from Stripe (before the transaction opens). */
export async function fetchPart(input: SyncInput) {
  const fetchedAt = new Date();
  switch (input.part) {
    case 'customer':
      return { part: input.part, fetchedAt, customer: await fetchStripeCustomer(input.customerId) };
    case 'subscription':
      return { part: input.part, fetchedAt, subscription: await fetchStripeSubscription(input.customerId) };
    case 'invoice':
      return { part: input.part, fetchedAt, invoices: [await fetchStripeInvoice(input.invoiceId)] };
    case 'invoices':
      return { part: input.part, fetchedAt, invoices: await fetchStripeInvoicesOf(input.customerId) };
  }
}

/** Outbox events for the webhook types that others care about (each Stripe event is processed once). */
const outboxEventOf: Partial<Record<string, 'subscription.changed' | 'invoice.paid' | 'invoice.payment_failed'>> = {
  'customer.subscription.created': 'subscription.changed',
  'customer.subscription.updated': 'subscription.changed',
  'customer.subscription.deleted': 'subscription.changed',
  'invoice.paid': 'invoice.paid',
  'invoice.payment_failed': 'invoice.payment_failed',
};

type Fetched = Awaited<ReturnType<typeof fetchPart>>;

/**
 * Applies what was fetched of one part to the mirror, in the action's transaction; the audit entry
 * says what changed. Re-fetching (rather than trusting an event's payload) makes delivery order
 * irrelevant; the fetch time guards against a slower, older fetch landing last.
 */
export async function applyFetched({ tx, emit }: ActionContext, input: SyncInput, fetched: Fetched) {
  const { organizationId } = input;
  const eventType = 'eventType' in input ? input.eventType : undefined;
  const source = { eventId: 'eventId' in input ? (input.eventId ?? null) : null, eventType: eventType ?? null };
  const outboxType = eventType ? outboxEventOf[eventType] : undefined;
  let entity: { entityType: string; entityId: string; before?: unknown; after?: unknown };
  if (fetched.part === 'customer') {
    if (!fetched.customer) return { result: { applied: false }, audit: { organizationId, entityType: 'stripe_customer', entityId: organizationId, after: { deletedAtStripe: true, ...source } } };
    const { applied, before, after } = await applyStripeCustomer(tx, organizationId, fetched.customer, fetched.fetchedAt);
    entity = { entityType: 'stripe_customer', entityId: organizationId, before: applied ? customerAudit(before) : undefined, after: { ...customerAudit(after), applied, ...source } };
  } else if (fetched.part === 'subscription') {
    const { applied, after } = await applyStripeSubscription(tx, organizationId, fetched.subscription, fetched.fetchedAt);
    const payload = { subscriptionId: after.subscriptionId, status: after.subscriptionStatus, plan: after.planName, cancelAtPeriodEnd: after.cancelAtPeriodEnd };
    entity = { entityType: 'stripe_subscription', entityId: after.subscriptionId ?? organizationId, after: { ...payload, applied, ...source } };
    if (outboxType === 'subscription.changed') emit(outboxType, { organizationId, ...payload, stripeEventId: source.eventId });
  } else {
    const rows = [];
    for (const invoice of fetched.invoices) rows.push(await applyStripeInvoice(tx, organizationId, invoice, fetched.fetchedAt));
    const first = fetched.invoices[0];
    const payload = first ? { invoiceId: rows[0]?.id ?? null, stripeInvoiceId: first.stripeInvoiceId, number: first.number, status: first.status, total: toJsonAmount(first.total), currency: first.currency } : undefined;
    entity = { entityType: 'invoice', entityId: fetched.part === 'invoice' ? (first?.stripeInvoiceId ?? '') : organizationId, after: { ...(fetched.part === 'invoice' ? payload : { invoices: fetched.invoices.length }), applied: rows.filter(Boolean).length, ...source } };
    if (payload && (outboxType === 'invoice.paid' || outboxType === 'invoice.payment_failed')) emit(outboxType, { organizationId, ...payload, stripeEventId: source.eventId });
  }
  return { result: { applied: true }, audit: { organizationId, ...entity } };
}

/** Brings one part of the mirror up to Stripe's current state (a webhook event, a backfill). */
export const syncFromStripe = defineAction({
  name: 'system.sync_stripe',
  input: syncInput,
  prepare: (_ctx, input) => fetchPart(input),
  run: applyFetched,
});

function customerAudit(profile: { billingEmail: string | null; companyName: string | null; address: unknown; paymentMethod: unknown }) {
  return { billingEmail: profile.billingEmail, companyName: profile.companyName, address: profile.address, paymentMethod: profile.paymentMethod };
}
