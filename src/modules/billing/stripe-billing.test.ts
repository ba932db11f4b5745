import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { billingWithFirstSync } from '@/modules/stripe-sync/service';
import { AppError } from '@/platform/http/errors';
import { rejectionOf } from '../../../tests/support/errors';
import { deliver, seedStripeTeam, useFakeStripe } from '../../../tests/support/stripe-fixtures';
import { auditOf, eventsOf } from '../../../tests/support/team-fixtures';
import { useTestDatabase, userActor } from '../../../tests/support/test-db';
import { addTaxId, billingOverview, billingOverviewOf, openBillingPortal, registerStripePushChannel, removeTaxId, STRIPE_PUSH_CHANNEL, updateBillingDetails } from './service';
import { executeAction } from '@/platform/actions/execute';
import { unregisterChannel } from '@/platform/jobs/channels';
import { startJobs } from '@/platform/jobs/runtime';

const t = useTestDatabase();
const fake = useFakeStripe();
beforeAll(() => registerStripePushChannel());
afterAll(() => unregisterChannel(STRIPE_PUSH_CHANNEL));

const card = { brand: 'visa', last4: '4242', expMonth: 12, expYear: 2030 };

async function stripeCustomerWithSubscription() {
  const { world } = fake.stripe;
  const customer = world.createCustomer({ email: 'billing@acme.example', name: 'Acme Analytics', address: { line1: 'Unter den Linden 1', city: 'Berlin', postal_code: '10117', country: 'DE' } });
  world.attachPaymentMethod(customer.id, card, { makeDefault: true });
  const periodEnd = Math.floor(Date.parse('2026-12-01T00:00:00Z') / 1000);
  const subscription = world.createSubscription(customer.id, { nickname: 'Pro', unitAmount: 4_900, currency: 'eur', interval: 'month', quantity: 5, periodEnd });
  const team = await seedStripeTeam(t.db, customer.id, ['billing', 'member']);
  return { customer, subscription, team, billing: () => userActor(team.members[0]!), member: () => userActor(team.members[1]!) };
}

describe('a Stripe customer’s billing', () => {
  it('is fetched from Stripe on the first look: plan, status, next date and amount, card, details', async () => {
    const { team, subscription } = await stripeCustomerWithSubscription();
    expect((await billingOverview(t.db, team.organizationId)).synced).toBe(false);
    const overview = billingOverviewOf(await billingWithFirstSync(t.db, team.organizationId));
    expect(overview).toMatchObject({
      provider: 'stripe',
      plan: 'Pro',
      status: 'active',
      nextBillingDate: '2026-12-01T00:00:00.000Z',
      amount: 24_500,
      currency: 'eur',
      readOnly: false,
      paymentMethod: card,
      details: { billingEmail: 'billing@acme.example', companyName: 'Acme Analytics', address: { line1: 'Unter den Linden 1', city: 'Berlin', postalCode: '10117', country: 'DE' }, taxIds: [] },
    });
    // Later looks read the mirror: no more calls to Stripe.
    const calls = fake.stripe.requests.length;
    await billingWithFirstSync(t.db, team.organizationId);
    expect(fake.stripe.requests.length).toBe(calls);
    expect(subscription.id).toMatch(/^sub_/);
  });

  it('pushes edited details and tax IDs to the Stripe customer, shows Stripe’s verification, and audits it all', async () => {
    const { team, customer, billing } = await stripeCustomerWithSubscription();
    const jobs = await startJobs(t.handle, { sweepIntervalMs: 600_000 });
    try {
      const { details } = await executeAction(billing(), updateBillingDetails, { companyName: 'Acme Analytics GmbH', billingEmail: 'ap@acme.example' }, { db: t.db });
      expect(details).toMatchObject({ companyName: 'Acme Analytics GmbH', billingEmail: 'ap@acme.example' });
      // Pushed by the queue after the commit.
      await expect.poll(async () => (await billingOverview(t.db, team.organizationId)).detailsSyncing, { timeout: 15_000, interval: 50 }).toBe(false);
      expect(fake.stripe.state.customers.get(customer.id)).toMatchObject({ name: 'Acme Analytics GmbH', email: 'ap@acme.example' });
    } finally {
      await jobs.stop();
    }

    const { taxId } = await executeAction(billing(), addTaxId, { type: 'eu_vat', value: 'DE136695976' }, { db: t.db });
    expect(taxId).toMatchObject({ id: expect.stringMatching(/^txi_/), value: 'DE136695976', verification: 'pending' });
    // Stripe verifies it later and says so by webhook.
    fake.stripe.world.setTaxIdVerification(taxId.id, 'verified');
    expect(await deliver(t.db, fake.stripe.state.events.at(-1))).toBe('processed');
    expect((await billingOverview(t.db, team.organizationId)).details.taxIds).toEqual([{ id: taxId.id, type: 'eu_vat', value: 'DE136695976', verification: 'verified' }]);

    await executeAction(billing(), removeTaxId, { taxIdId: taxId.id }, { db: t.db });
    expect([...fake.stripe.state.taxIds.values()].filter((x) => x.customer === customer.id)).toEqual([]);
    expect((await billingOverview(t.db, team.organizationId)).details.taxIds).toEqual([]);

    const audit = await auditOf(t.db, team.organizationId, ['billing.update_details', 'system.push_billing_details', 'billing.add_tax_id', 'billing.remove_tax_id']);
    expect(audit.map((a) => a.action)).toEqual(['billing.update_details', 'system.push_billing_details', 'billing.add_tax_id', 'billing.remove_tax_id']);
    const events = (await eventsOf(t.db, team.organizationId)).map((e) => e.type);
    expect(events).toEqual(expect.arrayContaining(['billing.details_changed', 'billing.tax_id_added', 'billing.tax_id_removed']));
  });

  it('maps Stripe’s refusal to a 422 and an unreachable Stripe to a 503, changing nothing that needs Stripe’s answer', async () => {
    const { team, customer, billing } = await stripeCustomerWithSubscription();
    await billingWithFirstSync(t.db, team.organizationId);
    fake.stripe.failNext(400);
    const refused = await rejectionOf(executeAction(billing(), addTaxId, { type: 'gb_vat', value: 'GB980780684' }, { db: t.db }));
    expect(refused).toMatchObject({ code: 'validation_failed', message: expect.stringContaining('Stripe declined') });

    fake.stripe.setDown(503);
    try {
      const down = await rejectionOf(executeAction(billing(), addTaxId, { type: 'gb_vat', value: 'GB980780684' }, { db: t.db }));
      expect(down).toBeInstanceOf(AppError);
      expect(down).toMatchObject({ code: 'upstream_unavailable', message: expect.stringContaining('nothing was changed') });
      expect(await rejectionOf(executeAction(billing(), openBillingPortal, { flow: 'payment_method_update' }, { db: t.db }))).toMatchObject({ code: 'upstream_unavailable' });
      // Details need no answer from Stripe: kept here, and pushed once Stripe is back (stripe-push.test.ts).
      const { details } = await executeAction(billing(), updateBillingDetails, { companyName: 'Saved Here Ltd' }, { db: t.db });
      expect(details.companyName).toBe('Saved Here Ltd');
    } finally {
      fake.stripe.setDown(null);
    }
    expect(await billingOverview(t.db, team.organizationId)).toMatchObject({ detailsSyncing: true, details: { companyName: 'Saved Here Ltd', taxIds: [] } });
    expect(fake.stripe.state.customers.get(customer.id)?.name).toBe('Acme Analytics');
    expect(await auditOf(t.db, team.organizationId, ['billing.add_tax_id', 'billing.open_portal'])).toEqual([]);

    // A customer deleted at Stripe: a clear 404, not a crash.
    fake.stripe.world.deleteCustomer(customer.id);
    expect(await rejectionOf(executeAction(billing(), addTaxId, { type: 'eu_vat', value: 'DE136695976' }, { db: t.db }))).toMatchObject({ code: 'not_found', message: expect.stringContaining('contact support') });
  });

  it('opens Stripe’s billing portal deep-linked to a flow, with the pinned configuration and the way back', async () => {
    const { team, subscription, billing, member } = await stripeCustomerWithSubscription();
    await billingWithFirstSync(t.db, team.organizationId);
    for (const flow of ['payment_method_update', 'subscription_update', 'subscription_cancel'] as const) {
      const { url } = await executeAction(billing(), openBillingPortal, { flow }, { db: t.db });
      const session = [...fake.stripe.state.portalSessions.values()].at(-1)!;
      expect(url).toBe(session.url);
      expect(session).toMatchObject({ configuration: 'bpc_test_config', return_url: 'http://localhost:3000/account/billing', flow: { type: flow } });
      if (flow !== 'payment_method_update') expect(JSON.stringify(session.flow)).toContain(subscription.id);
    }
    expect(await rejectionOf(executeAction(member(), openBillingPortal, {}, { db: t.db }))).toMatchObject({ code: 'forbidden' });
    expect(await rejectionOf(executeAction(billing(), openBillingPortal, { flow: 'cancel_everything' }, { db: t.db }))).toMatchObject({ code: 'validation_failed' });
  });
});
