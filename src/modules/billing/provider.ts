import { conflict } from '@/platform/http/errors';
import { isStripeConfigured } from '@/platform/stripe/client';
import type { organization } from '@/platform/tenancy/schema';
import type { BillingDetailsInput, PortalFlow } from './inputs';
import { createStripePortalSession, createStripeTaxId, deleteStripeTaxId, pushStripeDetails, type FetchedCustomer } from './stripe-customer';

export type BillingProviderName = 'stripe' | 'contract' | 'none';

type BillingFields = Pick<typeof organization.$inferSelect, 'billing' | 'stripeCustomerId'>;

export type PortalRequest = { flow?: PortalFlow; subscriptionId: string | null; returnUrl: string; configuration?: string };

/**
 * What the billing writes ask of whoever bills the organization: details are pushed after the
 * portal's commit (the `stripe_push` channel), the rest runs before the portal's own transaction.
 */
export type BillingProvider = {
  name: BillingProviderName;
  /** Pushes edited details; returns the provider's customer as it now stands, or null when the portal holds the only copy. */
  pushDetails(input: BillingDetailsInput): Promise<FetchedCustomer | null>;
  addTaxId(type: string, value: string): Promise<{ id: string; verification: string }>;
  removeTaxId(taxIdId: string): Promise<void>;
  openPortal(request: PortalRequest): Promise<{ id: string; url: string }>;
};

/**
 * Who bills an organization: a contract (offline, invoices pushed by the host), Stripe (a linked
 * customer and a configured key), or nobody yet.
 */
export function billingProviderOf(org: BillingFields): BillingProviderName {
  if (org.billing === 'contract') return 'contract';
  if (org.stripeCustomerId && isStripeConfigured()) return 'stripe';
  return 'none';
}

function stripeProvider(customerId: string): BillingProvider {
  return {
    name: 'stripe',
    pushDetails: (input) => pushStripeDetails(customerId, input),
    addTaxId: (type, value) => createStripeTaxId(customerId, type, value),
    removeTaxId: (taxIdId) => deleteStripeTaxId(customerId, taxIdId),
    openPortal(request) {
      if ((request.flow === 'subscription_update' || request.flow === 'subscription_cancel') && !request.subscriptionId) throw conflict('There is no active subscription to change.');
      return createStripePortalSession({ customerId, ...request });
    },
  };
}

/** Contract and unlinked organizations: the details live in the portal only; there is no portal to open. */
function offlineProvider(name: 'contract' | 'none'): BillingProvider {
  return {
    name,
    pushDetails: async () => null,
    addTaxId: async () => ({ id: crypto.randomUUID(), verification: 'not_applicable' }),
    removeTaxId: async () => {},
    openPortal: async () => {
      throw conflict('Billing for this organization is not managed through Stripe.');
    },
  };
}

export function billingProviderFor(org: BillingFields): BillingProvider {
  const name = billingProviderOf(org);
  return name === 'stripe' ? stripeProvider(org.stripeCustomerId!) : offlineProvider(name);
}
