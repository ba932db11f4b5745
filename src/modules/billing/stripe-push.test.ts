import { eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { executeAction } from '@/platform/actions/execute';
import { unregisterChannel } from '@/platform/jobs/channels';
import { startJobs, type Jobs } from '@/platform/jobs/runtime';
import { deliveries } from '@/platform/jobs/schema';
import { rejectionOf } from '../../../tests/support/errors';
import { deliver, seedStripeTeam, useFakeStripe } from '../../../tests/support/stripe-fixtures';
import { auditOf, eventsOf, seedTeam } from '../../../tests/support/team-fixtures';
import { useTestDatabase, userActor } from '../../../tests/support/test-db';
import { billingProfile } from './schema';
import { billingOverview, registerStripePushChannel, STRIPE_PUSH_CHANNEL, updateBillingDetails } from './service';

const t = useTestDatabase();
const fake = useFakeStripe();
const DEADLINE = { timeout: 15_000, interval: 50 };
// The channel's own deliveries, on a schedule of seconds instead of hours.
const QUICK_RETRIES = [0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3];

let jobs: Jobs | undefined;
beforeAll(() => registerStripePushChannel(QUICK_RETRIES));
afterEach(async () => {
  fake.stripe.setDown(null);
  await jobs?.stop();
  jobs = undefined;
});
afterAll(() => unregisterChannel(STRIPE_PUSH_CHANNEL));

/** The queue and its worker, as the portal runs them (a sweep far away: the nudge after commit relays). */
async function startQueue(): Promise<Jobs> {
  jobs = await startJobs(t.handle, { sweepIntervalMs: 600_000, maintenanceIntervalSeconds: 1 });
  return jobs;
}

async function stripeTeam() {
  const customer = fake.stripe.world.createCustomer({ email: 'billing@acme.example', name: 'Acme Analytics', address: { line1: 'Unter den Linden 1', city: 'Berlin', postal_code: '10117', country: 'DE' } });
  const team = await seedStripeTeam(t.db, customer.id, ['billing']);
  return { customer, team, billing: () => userActor(team.members[0]!) };
}

const customerUpdates = (customerId: string) => fake.stripe.requests.filter((r) => r.method === 'POST' && r.path === `/v1/customers/${customerId}`);
const stripeName = (customerId: string) => fake.stripe.state.customers.get(customerId)?.name;
const syncing = async (organizationId: string) => (await billingOverview(t.db, organizationId)).detailsSyncing;
const pushes = (organizationId: string) => t.db.select().from(deliveries).where(eq(deliveries.target, `stripe-customer:${organizationId}`));

describe('billing details pushed to the Stripe customer after the commit', () => {
  it('commits the edit here as syncing, then the queue pushes it and clears the mark', async () => {
    const { team, customer, billing } = await stripeTeam();
    const { details } = await executeAction(billing(), updateBillingDetails, { companyName: 'Acme Analytics GmbH', billingEmail: 'ap@acme.example' }, { db: t.db });

    // Committed here, marked as not yet at Stripe; Stripe untouched until the queue runs.
    expect(details).toMatchObject({ companyName: 'Acme Analytics GmbH', billingEmail: 'ap@acme.example' });
    expect(await billingOverview(t.db, team.organizationId)).toMatchObject({ detailsSyncing: true, details: { companyName: 'Acme Analytics GmbH', billingEmail: 'ap@acme.example' } });
    expect(customerUpdates(customer.id)).toEqual([]);
    expect((await eventsOf(t.db, team.organizationId)).map((e) => e.type)).toContain('billing.details_changed');

    await startQueue();
    await expect.poll(() => syncing(team.organizationId), DEADLINE).toBe(false);
    // Only the fields edited here: the address the portal never fetched stays as Stripe has it.
    expect(fake.stripe.state.customers.get(customer.id)).toMatchObject({ name: 'Acme Analytics GmbH', email: 'ap@acme.example', address: { line1: 'Unter den Linden 1', city: 'Berlin' } });
    expect(customerUpdates(customer.id).map((r) => [...r.body.keys()].filter((k) => !k.startsWith('expand')))).toEqual([['email', 'name']]);
    // The delivery's own record follows the push (a batch records its successes together).
    await expect.poll(async () => (await pushes(team.organizationId))[0]?.status, DEADLINE).toBe('delivered');
    expect(await pushes(team.organizationId)).toMatchObject([{ channel: STRIPE_PUSH_CHANNEL, status: 'delivered', attempts: 1, lastResponse: 'Stripe customer updated (revision 1)' }]);
    const [profile] = await t.db.select().from(billingProfile).where(eq(billingProfile.organizationId, team.organizationId));
    expect(profile).toMatchObject({ stripePushFields: [], detailsRevision: 1, companyName: 'Acme Analytics GmbH' });
    expect(profile!.stripePushedAt).toBeInstanceOf(Date);
    // The edit and the push are each audited.
    const audit = await auditOf(t.db, team.organizationId, ['billing.update_details', 'system.push_billing_details']);
    expect(audit.map((a) => [a.action, a.actorType])).toEqual([
      ['billing.update_details', 'user'],
      ['system.push_billing_details', 'system'],
    ]);
    expect(audit[1]!.after).toMatchObject({ pushedToStripe: { companyName: 'Acme Analytics GmbH', billingEmail: 'ap@acme.example' }, revision: 1, current: true });
  });

  it('retries while Stripe answers 500, and Stripe then has the details', async () => {
    const { team, customer, billing } = await stripeTeam();
    fake.stripe.setDown(500);
    await startQueue();
    await executeAction(billing(), updateBillingDetails, { companyName: 'Retried GmbH' }, { db: t.db });

    await expect.poll(async () => (await pushes(team.organizationId))[0]?.attempts ?? 0, DEADLINE).toBeGreaterThanOrEqual(1);
    const [failed] = await pushes(team.organizationId);
    expect(failed).toMatchObject({ status: 'pending', deliveredAt: null, lastResponse: expect.stringContaining('Stripe cannot be reached') });
    expect(failed!.nextAttemptAt).toBeInstanceOf(Date);
    expect(await syncing(team.organizationId)).toBe(true);
    expect(stripeName(customer.id)).toBe('Acme Analytics');

    fake.stripe.setDown(null);
    await expect.poll(async () => (await pushes(team.organizationId))[0]?.status, DEADLINE).toBe('delivered');
    expect(stripeName(customer.id)).toBe('Retried GmbH');
    expect(await syncing(team.organizationId)).toBe(false);
    expect((await pushes(team.organizationId))[0]!.attempts).toBeGreaterThanOrEqual(2);
  });

  it('pushes the latest copy from every delivery, whatever order they run in', async () => {
    const { team, customer, billing } = await stripeTeam();
    await executeAction(billing(), updateBillingDetails, { companyName: 'First Name GmbH' }, { db: t.db });
    await executeAction(billing(), updateBillingDetails, { companyName: 'Second Name GmbH', billingEmail: 'second@acme.example' }, { db: t.db });

    await startQueue();
    await expect.poll(async () => (await pushes(team.organizationId)).filter((d) => d.status === 'delivered').length, DEADLINE).toBe(2);
    expect(await syncing(team.organizationId)).toBe(false);
    // Each delivery pushed what was on file when it ran (or found it pushed): never the first edit alone.
    const names = customerUpdates(customer.id).map((r) => r.body.get('name'));
    expect(names.length).toBeGreaterThanOrEqual(1);
    expect(names.every((name) => name === 'Second Name GmbH')).toBe(true);
    expect(fake.stripe.state.customers.get(customer.id)).toMatchObject({ name: 'Second Name GmbH', email: 'second@acme.example' });
  });

  it('keeps an edit not yet pushed when a sync from Stripe lands first', async () => {
    const { team, customer, billing } = await stripeTeam();
    await executeAction(billing(), updateBillingDetails, { companyName: 'Local Truth GmbH' }, { db: t.db });
    // Someone changes the card at Stripe: its webhook syncs the customer before the push has run.
    fake.stripe.world.attachPaymentMethod(customer.id, { brand: 'visa', last4: '4242', expMonth: 12, expYear: 2030 }, { makeDefault: true });
    expect(await deliver(t.db, fake.stripe.state.events.at(-1))).toBe('processed');

    expect(await billingOverview(t.db, team.organizationId)).toMatchObject({ detailsSyncing: true, paymentMethod: { last4: '4242' }, details: { companyName: 'Local Truth GmbH' } });

    await startQueue();
    await expect.poll(() => stripeName(customer.id), DEADLINE).toBe('Local Truth GmbH');
    await expect.poll(() => syncing(team.organizationId), DEADLINE).toBe(false);
    expect(await billingOverview(t.db, team.organizationId)).toMatchObject({ paymentMethod: { last4: '4242' }, details: { companyName: 'Local Truth GmbH' } });
  });

  it('leaves Stripe untouched when the local transaction fails', async () => {
    const { team, customer, billing } = await stripeTeam();
    await startQueue();
    // A real constraint of the database refuses the write, after the action has run its statements.
    await t.db.execute(sql`alter table billing_profile add constraint test_refused_name check (company_name <> 'Refused GmbH')`);
    try {
      const error = await rejectionOf(executeAction(billing(), updateBillingDetails, { companyName: 'Refused GmbH' }, { db: t.db }));
      expect(String((error as { cause?: unknown }).cause ?? error)).toContain('test_refused_name');
    } finally {
      await t.db.execute(sql`alter table billing_profile drop constraint test_refused_name`);
    }
    await jobs!.relayNow();

    expect(await eventsOf(t.db, team.organizationId)).toEqual([]);
    expect(await pushes(team.organizationId)).toEqual([]);
    expect(customerUpdates(customer.id)).toEqual([]);
    expect(stripeName(customer.id)).toBe('Acme Analytics');
    expect(await auditOf(t.db, team.organizationId)).toEqual([]);
  });

  it('needs no push for an organization Stripe does not bill', async () => {
    const offline = await seedTeam(t.db, ['billing']);
    await startQueue();
    const calls = fake.stripe.requests.length;
    await executeAction(userActor(offline.members[0]!), updateBillingDetails, { companyName: 'Offline Ltd' }, { db: t.db });
    await jobs!.relayNow();

    expect(await billingOverview(t.db, offline.organizationId)).toMatchObject({ detailsSyncing: false, details: { companyName: 'Offline Ltd' } });
    expect(await pushes(offline.organizationId)).toEqual([]);
    expect(fake.stripe.requests.length).toBe(calls);
  });
});
