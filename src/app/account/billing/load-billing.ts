import { organizationBilling, type OrganizationBilling } from '@/modules/billing/service';
import { billingWithFirstSync } from '@/modules/stripe-sync/service';
import type { Db } from '@/platform/db/types';
import { AppError } from '@/platform/http/errors';

export type LoadedBilling = { billing: OrganizationBilling; stripeProblem: string | null };

/**
 * The organization's billing, fetched from Stripe on a Stripe customer's first look. When Stripe
 * cannot answer, the screens still show what the portal has on file and say why the rest is missing.
 */
export async function loadBilling(db: Db, organizationId: string): Promise<LoadedBilling> {
  try {
    return { billing: await billingWithFirstSync(db, organizationId), stripeProblem: null };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const stripeProblem = error.code === 'upstream_unavailable' ? 'We couldn’t reach Stripe just now, so your plan, card and newest invoices may be missing. Please try again in a minute.' : error.message;
    return { billing: await organizationBilling(db, organizationId), stripeProblem };
  }
}
