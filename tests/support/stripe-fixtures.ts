import { eq } from 'drizzle-orm';
import { afterAll, beforeAll } from 'vitest';
import type { Role } from '@config/permissions';
import { receiveWebhook } from '@/modules/stripe-sync/service';
import { resetConfigForTests } from '@/platform/config';
import type { Db } from '@/platform/db/types';
import { organization } from '@/platform/tenancy/schema';
import { signed, startFakeStripe, type FakeStripe } from '@/stripe-simulator';
import { seedTeam, type SeededTeam } from './team-fixtures';

export const WEBHOOK_SECRET = 'whsec_test_only_secret';
const stripeEnv = ['STRIPE_API_URL', 'STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET', 'STRIPE_PORTAL_CONFIG_ID'];

/** A fake Stripe for the test file, with the portal configured to use it (key, URL, webhook secret). */
export function useFakeStripe(): { readonly stripe: FakeStripe } {
  let stripe: FakeStripe | undefined;
  beforeAll(async () => {
    stripe = await startFakeStripe();
    Object.assign(process.env, { STRIPE_API_URL: stripe.url, STRIPE_SECRET_KEY: 'sk_test_fake', STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET, STRIPE_PORTAL_CONFIG_ID: 'bpc_test_config' });
    resetConfigForTests();
  });
  afterAll(async () => {
    for (const name of stripeEnv) delete process.env[name];
    resetConfigForTests();
    await stripe?.close();
  });
  return {
    get stripe() {
      if (!stripe) throw new Error('useFakeStripe(): the fake starts in beforeAll');
      return stripe;
    },
  };
}

/** A team whose organization is the given Stripe customer. */
export async function seedStripeTeam(db: Db, customerId: string, roles: Role[] = ['billing']): Promise<SeededTeam> {
  const team = await seedTeam(db, roles);
  await db.update(organization).set({ billing: 'stripe', stripeCustomerId: customerId }).where(eq(organization.id, team.organizationId));
  return team;
}

/** Delivers an event to the webhook handler as Stripe would: the raw body with its signature. */
export function deliver(db: Db, event: unknown, options: { secret?: string; timestamp?: number } = {}) {
  const { body, signature } = signed(event, options.secret ?? WEBHOOK_SECRET, { timestamp: options.timestamp });
  return receiveWebhook(db, body, signature);
}

/** Delivers an event while Stripe answers 503: processing it fails, and the inbox keeps it to retry. */
export async function deliverWhileStripeIsDown(db: Db, stripe: FakeStripe, event: unknown) {
  stripe.setDown(503);
  try {
    return await deliver(db, event);
  } finally {
    stripe.setDown(null);
  }
}
