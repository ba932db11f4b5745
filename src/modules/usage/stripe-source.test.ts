import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetConfigForTests } from '@/platform/config';
import { AppError } from '@/platform/http/errors';
import { organization } from '@/platform/tenancy/schema';
import { rejectionOf } from '../../../tests/support/errors';
import { startFakeStripe, type FakeStripe } from '@/stripe-simulator';
import { seedOrg, useTestDatabase } from '../../../tests/support/test-db';
import { usageOverview, usageSeries } from './read';
import { addToRollups } from './rollup';

const t = useTestDatabase();
const NOW = new Date('2026-03-15T12:00:00Z');
const at = (iso: string) => Date.parse(iso) / 1000;
let stripe: FakeStripe;

beforeAll(async () => {
  stripe = await startFakeStripe();
  Object.assign(process.env, { USAGE_SOURCE: 'stripe', USAGE_STRIPE_METERS: 'api_calls=mtr_calls', STRIPE_API_URL: stripe.url, STRIPE_SECRET_KEY: 'sk_test_fake' });
  resetConfigForTests();
});

afterAll(async () => {
  for (const name of ['USAGE_SOURCE', 'USAGE_STRIPE_METERS', 'STRIPE_API_URL', 'STRIPE_SECRET_KEY']) delete process.env[name];
  resetConfigForTests();
  await stripe.close();
});

async function stripeCustomer(customerId: string) {
  const org = await seedOrg(t.db);
  await t.db.update(organization).set({ stripeCustomerId: customerId, plan: 'pro' }).where(eq(organization.id, org.organizationId));
  return { id: org.organizationId, plan: 'pro' };
}

describe('Stripe Billing Meters as the metering source', () => {
  it('reads the customer’s daily event summaries for 30 days, 12 months and this period', async () => {
    const org = await stripeCustomer('cus_A');
    stripe.state.meterEvents.push(
      { meter: 'mtr_calls', customer: 'cus_A', timestamp: at('2026-03-15T11:00:00Z'), value: 5 },
      { meter: 'mtr_calls', customer: 'cus_A', timestamp: at('2026-03-01T00:00:00Z'), value: 20 },
      { meter: 'mtr_calls', customer: 'cus_A', timestamp: at('2026-02-28T23:59:59Z'), value: 7 },
      { meter: 'mtr_calls', customer: 'cus_B', timestamp: at('2026-03-10T10:00:00Z'), value: 999 },
      { meter: 'mtr_other', customer: 'cus_A', timestamp: at('2026-03-10T10:00:00Z'), value: 999 },
    );
    // Every day of the last year too, so that the 12-month read pages through the list (100 a page).
    for (let d = 0; d < 300; d++) stripe.state.meterEvents.push({ meter: 'mtr_calls', customer: 'cus_A', timestamp: at('2025-04-01T12:00:00Z') + d * 86_400, value: 1 });

    const daily = await usageSeries(t.db, org, 'api_calls', '30d', NOW);
    expect(daily.series).toHaveLength(30);
    expect(daily.series.filter((p) => p.value > 1)).toEqual([{ date: '2026-02-28', value: 7 }, { date: '2026-03-01', value: 20 }, { date: '2026-03-15', value: 5 }]);
    const calls = stripe.requests.filter((r) => r.path === '/v1/billing/meters/mtr_calls/event_summaries');
    expect(Object.fromEntries(calls[0]!.query)).toMatchObject({ customer: 'cus_A', start_time: String(at('2026-02-14T00:00:00Z')), end_time: String(at('2026-03-16T00:00:00Z')), value_grouping_window: 'day' });

    const monthly = await usageSeries(t.db, org, 'api_calls', '12m', NOW);
    expect(monthly.series).toHaveLength(12);
    expect(monthly.series[0]).toEqual({ date: '2025-04-01', value: 30 });
    expect(monthly.series.at(-1)).toEqual({ date: '2026-03-01', value: 25 });
    expect(monthly.total).toBe(300 + 7 + 20 + 5);

    const { meters } = await usageOverview(t.db, org, NOW);
    expect(meters.find((m) => m.meter === 'api_calls')).toMatchObject({ used: 25, limit: 500_000 });
    expect(meters.find((m) => m.meter === 'storage_gb')).toMatchObject({ used: 0 }); // no Stripe meter mapped
  });

  it('keeps using the portal’s own rollups for an organization without a Stripe customer', async () => {
    const org = await seedOrg(t.db);
    await addToRollups(t.db, org.organizationId, [{ meter: 'api_calls', day: '2026-03-10', value: 42 }]);
    const before = stripe.requests.length;
    const { meters } = await usageOverview(t.db, { id: org.organizationId, plan: 'pro' }, NOW);
    expect(meters[0]!.used).toBe(42);
    expect(stripe.requests).toHaveLength(before);
  });

  it('answers upstream_unavailable, without Stripe’s words, when Stripe fails', async () => {
    const org = await stripeCustomer('cus_C');
    stripe.failNext(400);
    const error = await rejectionOf(usageSeries(t.db, org, 'api_calls', '30d', NOW));
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('upstream_unavailable');
    expect((error as AppError).message).not.toContain('Fake');
  });
});
