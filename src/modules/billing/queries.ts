import { z } from 'zod';
import { billingForScreen, billingWithFirstSync } from '@/modules/stripe-sync/service';
import { permits } from '@/platform/actions/authorize';
import { defineQuery } from '@/platform/actions/define-query';
import { stripeSettings } from '@/platform/stripe/settings';
import { billingOverviewOf, type BillingOverview } from './read';

const noInput = z.object({}).optional();

/** Plan, payment method and billing details (`GET /api/account/billing`); a Stripe customer's first look fetches them. */
export const billingQuery = defineQuery({
  name: 'billing.read',
  input: noInput,
  async run({ db, organizationId }): Promise<Omit<BillingOverview, 'synced' | 'detailsSyncing'>> {
    const { synced: _synced, detailsSyncing: _syncing, ...overview } = billingOverviewOf(await billingWithFirstSync(db, organizationId));
    return overview;
  },
});

export type BillingScreen = {
  overview: BillingOverview;
  /** Why part of the Stripe state is missing, when Stripe could not answer. */
  stripeProblem: string | null;
  /** Billed through the local Stripe simulator of the demo. */
  demo: boolean;
  allowed: { openPortal: boolean; updateDetails: boolean; addTaxId: boolean; removeTaxId: boolean };
};

/** The Billing screen: what is on file even when Stripe is down, and what the reader may change. */
export const billingScreenQuery = defineQuery({
  name: 'billing.read',
  input: noInput,
  async run({ actor, db, organizationId }): Promise<BillingScreen> {
    const { billing, stripeProblem } = await billingForScreen(db, organizationId);
    const overview = billingOverviewOf(billing);
    return {
      overview,
      stripeProblem,
      demo: overview.provider === 'stripe' && Boolean(stripeSettings()?.demo),
      allowed: {
        openPortal: permits(actor, 'billing.open_portal'),
        updateDetails: permits(actor, 'billing.update_details'),
        addTaxId: permits(actor, 'billing.add_tax_id'),
        removeTaxId: permits(actor, 'billing.remove_tax_id'),
      },
    };
  },
});
