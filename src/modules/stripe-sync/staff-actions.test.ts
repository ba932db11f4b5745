import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { billingOverview } from '@/modules/billing/service';
import { listInvoices } from '@/modules/invoices/service';
import { executeAction } from '@/platform/actions/execute';
import { rejectionOf } from '../../../tests/support/errors';
import { customerActivity, seedStaff } from '../../../tests/support/staff-fixtures';
import { deliver, deliverWhileStripeIsDown, seedStripeTeam, useFakeStripe } from '../../../tests/support/stripe-fixtures';
import { auditCount, seedTeam } from '../../../tests/support/team-fixtures';
import { useTestDatabase, userActor } from '../../../tests/support/test-db';
import { stripeEvent } from './schema';
import { staffReplayStripeEvent, staffSyncFromStripe } from './service';

const t = useTestDatabase();
const fake = useFakeStripe();

const inbox = async (id: string) => (await t.db.select().from(stripeEvent).where(eq(stripeEvent.id, id)))[0];

/** A linked customer with a subscription whose `customer.subscription.created` failed to process (Stripe was down). */
async function failedSubscriptionEvent() {
  const customer = fake.stripe.world.createCustomer({ name: 'Initech', email: 'ap@initech.example' });
  const team = await seedStripeTeam(t.db, customer.id);
  fake.stripe.world.createSubscription(customer.id, { nickname: 'Pro', unitAmount: 4_900, currency: 'eur', interval: 'month' });
  const event = fake.stripe.state.events.at(-1)!;
  expect(await deliverWhileStripeIsDown(t.db, fake.stripe, event)).toBe('failed');
  return { customer, team, event };
}

describe('staff.stripe_events.replay', () => {
  it('processes a failed event again, with one audit row (no other) the customer sees as Support (name)', async () => {
    const { team, event } = await failedSubscriptionEvent();
    const lead = await seedStaff(t.db, 'lead', { name: 'Lee Lead' });
    const before = await auditCount(t.db, team.organizationId);

    const { event: replayed } = await executeAction(lead, staffReplayStripeEvent, { eventId: event.id });

    expect(replayed).toMatchObject({ id: event.id, type: 'customer.subscription.created', status: 'processed', attempts: 2, lastError: null, processedAt: expect.any(String) });
    expect(await inbox(event.id)).toMatchObject({ status: 'processed', attempts: 2, lastError: null, nextAttemptAt: null });
    expect((await billingOverview(t.db, team.organizationId)).status).toBe('active');
    expect(await auditCount(t.db, team.organizationId)).toBe(before + 1);
    const [entry, ...more] = await customerActivity(t.db, team.organizationId, 'staff.stripe_events.replay');
    expect(more).toEqual([]);
    expect(entry).toMatchObject({ actor: { type: 'staff', id: lead.staffId, name: 'Lee Lead' }, shownAs: 'Support (Lee Lead)', entityId: event.id });
    expect(entry!.after).toMatchObject({ status: 'processed', synced: { entityType: 'stripe_subscription', status: 'active', eventId: event.id } });
  });

  it('is a lead’s: an agent is forbidden and nothing changes', async () => {
    const { team, event } = await failedSubscriptionEvent();
    const before = await auditCount(t.db, team.organizationId);
    expect(await rejectionOf(executeAction(await seedStaff(t.db, 'agent'), staffReplayStripeEvent, { eventId: event.id }))).toMatchObject({ code: 'forbidden' });
    expect(await inbox(event.id)).toMatchObject({ status: 'failed', attempts: 1 });
    expect(await auditCount(t.db, team.organizationId)).toBe(before);
  });

  it('answers not found for an unknown event, one about no customer, and another customer’s (from that customer’s page)', async () => {
    const { team, event } = await failedSubscriptionEvent();
    const other = await seedTeam(t.db);
    const lead = await seedStaff(t.db, 'lead');
    expect(await rejectionOf(executeAction(lead, staffReplayStripeEvent, { eventId: 'evt_never_seen' }))).toMatchObject({ code: 'not_found' });
    const stray = { ...event, id: 'evt_stray_type', type: 'radar.early_fraud_warning.created' };
    expect(await deliver(t.db, stray)).toBe('ignored');
    expect(await rejectionOf(executeAction(lead, staffReplayStripeEvent, { eventId: stray.id }))).toMatchObject({ code: 'not_found' });
    expect(await rejectionOf(executeAction({ ...lead, organizationId: other.organizationId }, staffReplayStripeEvent, { eventId: event.id }))).toMatchObject({ code: 'not_found' });
    expect(await inbox(event.id)).toMatchObject({ status: 'failed' });

    const onThisPage = { ...lead, organizationId: team.organizationId };
    expect((await executeAction(onThisPage, staffReplayStripeEvent, { eventId: event.id })).event.status).toBe('processed');
  });

  it('waits for a delivery that is processing the event right now: a conflict, nothing written', async () => {
    const { team, event } = await failedSubscriptionEvent();
    await t.db.update(stripeEvent).set({ status: 'processing', nextAttemptAt: new Date(Date.now() + 60_000) }).where(eq(stripeEvent.id, event.id));
    const before = await auditCount(t.db, team.organizationId);
    expect(await rejectionOf(executeAction(await seedStaff(t.db, 'lead'), staffReplayStripeEvent, { eventId: event.id }))).toMatchObject({ code: 'conflict' });
    expect(await auditCount(t.db, team.organizationId)).toBe(before);
    expect((await billingOverview(t.db, team.organizationId)).status).not.toBe('active');
  });
});

describe('staff.stripe.sync', () => {
  it('brings one customer’s subscription, invoices and card up to Stripe’s state, with one audit row shown as Support (name)', async () => {
    const customer = fake.stripe.world.createCustomer({ name: 'Hooli', email: 'ap@hooli.example' });
    const team = await seedStripeTeam(t.db, customer.id);
    fake.stripe.world.createSubscription(customer.id, { nickname: 'Pro', unitAmount: 4_900, currency: 'eur', interval: 'month' });
    fake.stripe.world.createInvoice(customer.id, { status: 'open', lines: [{ description: 'Pro', quantity: 1, unitAmount: 4_900, periodStart: 1_790_000_000, periodEnd: 1_792_600_000 }] });
    const lead = await seedStaff(t.db, 'lead', { name: 'Syd Sync' });
    const before = await auditCount(t.db, team.organizationId);

    const { sync } = await executeAction(lead, staffSyncFromStripe, { organizationId: team.organizationId });

    expect(sync).toMatchObject({ organizationId: team.organizationId, parts: ['subscription', 'invoices', 'customer'] });
    expect(await billingOverview(t.db, team.organizationId)).toMatchObject({ status: 'active', details: { companyName: 'Hooli' } });
    expect(await listInvoices(t.db, team.organizationId, {})).toHaveLength(1);
    expect(await auditCount(t.db, team.organizationId)).toBe(before + 1);
    const [entry, ...more] = await customerActivity(t.db, team.organizationId, 'staff.stripe.sync');
    expect(more).toEqual([]);
    expect(entry).toMatchObject({ actor: { type: 'staff', id: lead.staffId, name: 'Syd Sync' }, shownAs: 'Support (Syd Sync)', entityId: team.organizationId });
    expect(entry!.after).toMatchObject({ subscription: { status: 'active' }, invoices: { invoices: 1 }, customer: { companyName: 'Hooli' } });
  });

  it('refuses an agent (forbidden), a customer not billed through Stripe (conflict), and an unknown or other customer (not found)', async () => {
    const customer = fake.stripe.world.createCustomer({ name: 'Pied Piper' });
    const team = await seedStripeTeam(t.db, customer.id);
    const contract = await seedTeam(t.db);
    const lead = await seedStaff(t.db, 'lead');
    const before = await auditCount(t.db, team.organizationId);

    expect(await rejectionOf(executeAction(await seedStaff(t.db, 'agent'), staffSyncFromStripe, { organizationId: team.organizationId }))).toMatchObject({ code: 'forbidden' });
    expect(await rejectionOf(executeAction(userActor(team.owner), staffSyncFromStripe, { organizationId: team.organizationId }))).toMatchObject({ code: 'forbidden' });
    expect(await rejectionOf(executeAction(lead, staffSyncFromStripe, { organizationId: contract.organizationId }))).toMatchObject({ code: 'conflict' });
    expect(await rejectionOf(executeAction(lead, staffSyncFromStripe, { organizationId: crypto.randomUUID() }))).toMatchObject({ code: 'not_found' });
    expect(await rejectionOf(executeAction({ ...lead, organizationId: contract.organizationId }, staffSyncFromStripe, { organizationId: team.organizationId }))).toMatchObject({ code: 'not_found' });
    expect(await auditCount(t.db, team.organizationId)).toBe(before);
  });
});
