import type { Actor } from '@/platform/actions/actor';
import { executeAction } from '@/platform/actions/execute';
import type { Db } from '@/platform/db/types';
import { addTaxId, openBillingPortal, removeTaxId, updateBillingDetails } from './actions';
import { billingOverviewOf, organizationBilling, type BillingOverview } from './read';

export { seedDemoBillingDetails } from './demo-billing';
export { applyStripeCustomer, applyStripeSubscription } from './mirror';
export { billingProviderOf, type BillingProviderName } from './provider';
export { billingOverviewOf, detailsOf, organizationBilling, type BillingDetails, type BillingOverview, type OrganizationBilling, type TaxIdView } from './read';
export { fetchStripeCustomer, fetchStripeSubscription } from './stripe-customer';
export { taxIdExamples, taxIdLabels, taxIdTypes, type TaxIdType } from './tax-id-format';
export { portalFlows, type PortalFlow } from './inputs';
export type { BillingAddress, PaymentMethodSummary } from './schema';

type Options = { db?: Db; headers?: Headers };

export async function billingOverview(db: Db, organizationId: string): Promise<BillingOverview> {
  return billingOverviewOf(await organizationBilling(db, organizationId));
}

export const changeBillingDetails = (actor: Actor | null, input: unknown, options: Options = {}) => executeAction(actor, updateBillingDetails, input, options);
export const addOrganizationTaxId = (actor: Actor | null, input: unknown, options: Options = {}) => executeAction(actor, addTaxId, input, options);
export const removeOrganizationTaxId = (actor: Actor | null, input: unknown, options: Options = {}) => executeAction(actor, removeTaxId, input, options);
export const createBillingPortalSession = (actor: Actor | null, input: unknown, options: Options = {}) => executeAction(actor, openBillingPortal, input, options);
