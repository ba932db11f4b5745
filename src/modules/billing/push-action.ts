import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { defineAction } from '@/platform/actions/define';
import { getDb } from '@/platform/db/client';
import { conflict } from '@/platform/http/errors';
import { applyStripeCustomer } from './mirror';
import { billingProviderFor } from './provider';
import { organizationBilling } from './read';
import type { BillingDetailsInput } from './inputs';
import { billingProfile } from './schema';

const pushInput = z.object({ organizationId: z.string().min(1) });

/**
 * Pushes the billing details edited here, as on file now, to the Stripe customer (the `stripe_push`
 * channel's delivery). Idempotent: it sends the current values, so a repeated or late push sends the
 * latest edit too. They are marked as at Stripe only if no edit came in while the push ran
 * (`current`); else the caller pushes again.
 */
export const pushDetailsToStripe = defineAction({
  name: 'system.push_billing_details',
  input: pushInput,
  async prepare(_ctx, { organizationId }) {
    const { organization, profile } = await organizationBilling(await getDb(), organizationId);
    const provider = billingProviderFor(organization);
    // Still pending, to be pushed once Stripe is configured again: the delivery is retried.
    if (provider.name !== 'stripe') throw conflict('Billing for this organization is not managed through Stripe.');
    const details = Object.fromEntries((profile?.stripePushFields ?? []).map((field) => [field, profile![field]])) as BillingDetailsInput;
    const fetchedAt = new Date();
    const fetched = (await provider.pushDetails(details))!;
    return { details, revision: profile?.detailsRevision ?? 0, fetched, fetchedAt };
  },
  // Not undone: what was pushed is the copy on file; the delivery is retried and pushes it again.
  outsideChange: ({ details, revision }, { organizationId }) => ({ organizationId, entityType: 'billing_details', entityId: organizationId, after: { pushedToStripe: details, revision } }),
  async run({ tx }, { organizationId }, { details, revision, fetched, fetchedAt }) {
    const [done] = await tx
      .update(billingProfile)
      .set({ stripePushFields: [], stripePushedAt: new Date() })
      .where(and(eq(billingProfile.organizationId, organizationId), eq(billingProfile.detailsRevision, revision)))
      .returning({ organizationId: billingProfile.organizationId });
    // Stripe's answer is its customer as of the push: the card and tax IDs come along.
    if (done) await applyStripeCustomer(tx, organizationId, fetched, fetchedAt);
    return {
      result: { current: Boolean(done), revision },
      audit: { organizationId, entityType: 'billing_details', entityId: organizationId, after: { pushedToStripe: details, revision, current: Boolean(done) } },
    };
  },
});
