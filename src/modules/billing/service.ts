import { eq } from 'drizzle-orm';
import type { Db } from '@/platform/db/types';
import { billingOverviewOf, organizationBilling, type BillingOverview } from './read';
import { billingProfile } from './schema';

export { addTaxId, openBillingPortal, removeTaxId, updateBillingDetails } from './actions';
export { seedDemoBillingDetails } from './demo-billing';
export { pushDetailsToStripe } from './push-action';
export { registerStripePushChannel, STRIPE_PUSH_CHANNEL, STRIPE_PUSH_RETRIES } from './push-channel';
export { applyStripeCustomer, applyStripeSubscription } from './mirror';
export { billingProviderOf, type BillingProviderName } from './provider';
export { billingOverviewOf, detailsOf, organizationBilling, type BillingDetails, type BillingOverview, type OrganizationBilling, type TaxIdView } from './read';
export { fetchStripeCustomer, fetchStripeSubscription } from './stripe-customer';
export { taxIdExamples, taxIdLabels, taxIdTypes, type TaxIdType } from './tax-id-format';
export { portalFlows, type PortalFlow } from './inputs';
export type { BillingAddress, PaymentMethodSummary } from './schema';

export async function billingOverview(db: Db, organizationId: string): Promise<BillingOverview> {
  return billingOverviewOf(await organizationBilling(db, organizationId));
}

/** The billing email on file (where invoices and payment notices go), or null. */
export async function billingEmailOf(db: Db, organizationId: string): Promise<string | null> {
  const [row] = await db.select({ email: billingProfile.billingEmail }).from(billingProfile).where(eq(billingProfile.organizationId, organizationId));
  return row?.email ?? null;
}
