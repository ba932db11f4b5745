import { eq } from 'drizzle-orm';
import type { Actor } from '@/platform/actions/actor';
import { executeAction } from '@/platform/actions/execute';
import { getDb } from '@/platform/db/client';
import type { Db } from '@/platform/db/types';
import { registerChannel, type Channel } from '@/platform/jobs/channels';
import { pushDetailsToStripe } from './push-action';
import { billingProfile } from './schema';

export const STRIPE_PUSH_CHANNEL = 'stripe_push';
const TARGET_PREFIX = 'stripe-customer:';
/** Edits racing a push each make it push again; past this many rounds the delivery is retried later. */
const MAX_ROUNDS = 5;
/** Stripe may be down for a while: minutes at first, then hours, for about three days in all. */
export const STRIPE_PUSH_RETRIES = [30, 120, 600, 1_800, 3_600, 3 * 3_600, 6 * 3_600, 12 * 3_600, 24 * 3_600, 24 * 3_600] as const;

async function pendingFields(db: Db, organizationId: string) {
  const [profile] = await db.select({ fields: billingProfile.stripePushFields }).from(billingProfile).where(eq(billingProfile.organizationId, organizationId));
  return profile?.fields ?? [];
}

const system: Actor = { type: 'system', organizationId: null };

/**
 * Billing details edited in the portal, to the Stripe customer after the commit: one delivery per
 * edit, each pushing what is still pending at the time it runs.
 */
export function stripePushChannel(retrySchedule: readonly number[] = STRIPE_PUSH_RETRIES): Channel {
  return {
    async targets(event, tx) {
      if (event.type !== 'billing.details_changed' || !event.organizationId) return [];
      return (await pendingFields(tx, event.organizationId)).length > 0 ? [`${TARGET_PREFIX}${event.organizationId}`] : [];
    },
    async deliver(_event, target) {
      const organizationId = target.slice(TARGET_PREFIX.length);
      const db = await getDb();
      for (let round = 1; round <= MAX_ROUNDS; round++) {
        // An earlier delivery (of a later edit) already pushed it all.
        if ((await pendingFields(db, organizationId)).length === 0) return { response: 'Stripe already has the details' };
        const { current, revision } = await executeAction(system, pushDetailsToStripe, { organizationId }, { db });
        if (current) return { response: `Stripe customer updated (revision ${revision})` };
      }
      throw new Error(`the details changed during each of ${MAX_ROUNDS} pushes`);
    },
    retrySchedule,
  };
}

export function registerStripePushChannel(retrySchedule?: readonly number[]): void {
  registerChannel(STRIPE_PUSH_CHANNEL, stripePushChannel(retrySchedule));
}
