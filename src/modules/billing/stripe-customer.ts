import type Stripe from 'stripe';
import { getStripe } from '@/platform/stripe/client';
import { callStripe } from '@/platform/stripe/errors';
import type { BillingDetailsInput, PortalFlow } from './inputs';
import type { BillingAddress, PaymentMethodSummary } from './schema';

/** A Stripe customer as the portal keeps it. */
export type FetchedCustomer = {
  billingEmail: string | null;
  companyName: string | null;
  address: BillingAddress | null;
  paymentMethod: PaymentMethodSummary | null;
  taxIds: { id: string; type: string; value: string; verification: string }[];
};

/** The subscription that matters for the billing screen, or null when there is none. */
export type FetchedSubscription = {
  subscriptionId: string;
  status: string;
  planName: string | null;
  currentPeriodEnd: Date | null;
  nextAmount: bigint;
  currency: string;
  cancelAtPeriodEnd: boolean;
} | null;

const customerExpand = ['tax_ids', 'invoice_settings.default_payment_method'];

function addressOf(address: Stripe.Address | null | undefined): BillingAddress | null {
  if (!address?.line1) return null;
  return { line1: address.line1, line2: address.line2 || null, city: address.city ?? '', postalCode: address.postal_code ?? '', state: address.state || null, country: address.country ?? '' };
}

function cardOf(method: string | Stripe.PaymentMethod | null | undefined): PaymentMethodSummary | null {
  if (!method || typeof method === 'string' || !method.card) return null;
  return { brand: method.card.brand, last4: method.card.last4, expMonth: method.card.exp_month, expYear: method.card.exp_year };
}

function fetchedCustomerOf(customer: Stripe.Customer, fallbackMethod: Stripe.PaymentMethod | undefined): FetchedCustomer {
  return {
    billingEmail: customer.email ?? null,
    companyName: customer.name ?? null,
    address: addressOf(customer.address),
    paymentMethod: cardOf(customer.invoice_settings?.default_payment_method) ?? cardOf(fallbackMethod),
    taxIds: (customer.tax_ids?.data ?? []).map((t) => ({ id: t.id, type: t.type, value: t.value, verification: t.verification?.status ?? 'unavailable' })),
  };
}

/** The customer with its tax IDs and card; null when it was deleted at Stripe. */
export async function fetchStripeCustomer(customerId: string): Promise<FetchedCustomer | null> {
  return callStripe(async () => {
    const customer = await getStripe().customers.retrieve(customerId, { expand: customerExpand });
    if (customer.deleted) return null;
    // Without a default card Stripe still charges the customer's first one: show that.
    const fallback = customer.invoice_settings?.default_payment_method ? undefined : (await getStripe().customers.listPaymentMethods(customerId, { limit: 1 })).data[0];
    return fetchedCustomerOf(customer, fallback);
  });
}

const statusRank: Record<string, number> = { active: 0, trialing: 0, past_due: 1, unpaid: 2, incomplete: 3, paused: 3 };

export async function fetchStripeSubscription(customerId: string): Promise<FetchedSubscription> {
  return callStripe(async () => {
    const { data } = await getStripe().subscriptions.list({ customer: customerId, status: 'all', limit: 20 });
    // The live subscription if there is one, else the most recent (a canceled one says "canceled").
    const [subscription] = [...data].sort((a, b) => (statusRank[a.status] ?? 9) - (statusRank[b.status] ?? 9) || b.created - a.created);
    if (!subscription) return null;
    const items = subscription.items.data;
    return {
      subscriptionId: subscription.id,
      status: subscription.status,
      planName: items.map((i) => i.price.nickname).find(Boolean) ?? null,
      currentPeriodEnd: items.length > 0 ? new Date(Math.min(...items.map((i) => i.current_period_end)) * 1000) : null,
      nextAmount: items.reduce((sum, i) => sum + BigInt(i.price.unit_amount ?? 0) * BigInt(i.quantity ?? 1), 0n),
      currency: subscription.currency,
      cancelAtPeriodEnd: subscription.cancel_at_period_end,
    };
  });
}

/** Pushes edited details to the Stripe customer; returns the customer as Stripe now has it. */
export async function pushStripeDetails(customerId: string, input: BillingDetailsInput): Promise<FetchedCustomer> {
  const params: Stripe.CustomerUpdateParams = { expand: customerExpand };
  // Stripe clears a field given as the empty string.
  if (input.billingEmail !== undefined) params.email = input.billingEmail ?? '';
  if (input.companyName !== undefined) params.name = input.companyName ?? '';
  if (input.address !== undefined) {
    params.address = input.address
      ? { line1: input.address.line1, line2: input.address.line2 ?? '', city: input.address.city, postal_code: input.address.postalCode, state: input.address.state ?? '', country: input.address.country }
      : '';
  }
  return callStripe(async () => fetchedCustomerOf((await getStripe().customers.update(customerId, params)) as Stripe.Customer, undefined));
}

export async function createStripeTaxId(customerId: string, type: string, value: string): Promise<{ id: string; verification: string }> {
  return callStripe(async () => {
    const created = await getStripe().customers.createTaxId(customerId, { type: type as Stripe.CustomerCreateTaxIdParams.Type, value });
    return { id: created.id, verification: created.verification?.status ?? 'pending' };
  });
}

/** Deletes a tax ID at Stripe; one already gone there counts as deleted. */
export async function deleteStripeTaxId(customerId: string, taxIdId: string): Promise<void> {
  await callStripe(async () => {
    try {
      await getStripe().customers.deleteTaxId(customerId, taxIdId);
    } catch (error) {
      if ((error as { code?: string }).code !== 'resource_missing') throw error;
    }
  });
}

export async function createStripePortalSession(input: { customerId: string; returnUrl: string; configuration?: string; flow?: PortalFlow; subscriptionId: string | null }): Promise<{ id: string; url: string }> {
  const params: Stripe.BillingPortal.SessionCreateParams = { customer: input.customerId, return_url: input.returnUrl };
  if (input.configuration) params.configuration = input.configuration;
  if (input.flow === 'payment_method_update') params.flow_data = { type: 'payment_method_update' };
  if (input.flow === 'subscription_update') params.flow_data = { type: 'subscription_update', subscription_update: { subscription: input.subscriptionId! } };
  if (input.flow === 'subscription_cancel') params.flow_data = { type: 'subscription_cancel', subscription_cancel: { subscription: input.subscriptionId! } };
  return callStripe(async () => {
    const session = await getStripe().billingPortal.sessions.create(params);
    return { id: session.id, url: session.url };
  });
}
