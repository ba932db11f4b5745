import { isStripeConfigured } from '@/platform/stripe/client';
import type { organization } from '@/platform/tenancy/schema';

export type BillingProviderName = 'stripe' | 'contract' | 'none';

type BillingFields = Pick<typeof organization.$inferSelect, 'billing' | 'stripeCustomerId'>;

/**
 * Who bills an organization: a contract (offline, invoices pushed by the host), Stripe (a linked
 * customer and a configured key), or nobody yet.
 */
export function billingProviderOf(org: BillingFields): BillingProviderName {
  if (org.billing === 'contract') return 'contract';
  if (org.stripeCustomerId && isStripeConfigured()) return 'stripe';
  return 'none';
}

export function stripeCustomerOf(org: BillingFields): string | null {
  return billingProviderOf(org) === 'stripe' ? org.stripeCustomerId : null;
}
