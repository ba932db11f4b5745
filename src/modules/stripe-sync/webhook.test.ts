import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { billingOverview } from '@/modules/billing/service';
import { listInvoices } from '@/modules/invoices/service';
import { auditLog } from '@/platform/actions/schema';
import { deliver, seedStripeTeam, useFakeStripe, WEBHOOK_SECRET } from '../../../tests/support/stripe-fixtures';
import { eventsOf } from '../../../tests/support/team-fixtures';
import { useTestDatabase } from '../../../tests/support/test-db';
import { stripeEvent } from './schema';
import { replayEvent, retryFailedEvents } from './service';

const t = useTestDatabase();
const fake = useFakeStripe();

const lastEvent = () => fake.stripe.state.events.at(-1)!;
const inbox = async (id: string) => (await t.db.select().from(stripeEvent).where(eq(stripeEvent.id, id)))[0];
const syncAuditsOf = async (eventId: string) => (await t.db.select().from(auditLog).where(sql`${auditLog.action} = 'system.sync_stripe' and ${auditLog.after}->>'eventId' = ${eventId}`)).length;

async function linkedCustomer(name = 'Initech') {
  const customer = fake.stripe.world.createCustomer({ name, email: 'ap@initech.example' });
  const team = await seedStripeTeam(t.db, customer.id);
  return { customer, team };
}

describe('Stripe webhooks', () => {
  it('refuse a bad, foreign or stale signature, storing nothing', async () => {
    const { customer } = await linkedCustomer();
    fake.stripe.world.updateCustomer(customer.id, { name: 'Initech LLC' });
    const event = lastEvent();
    expect(await deliver(t.db, event, { secret: 'whsec_someone_else' })).toBe('invalid_signature');
    expect(await deliver(t.db, event, { timestamp: Math.floor(Date.now() / 1000) - 301 })).toBe('invalid_signature');
    const { body, signature } = fake.stripe.signed(event, WEBHOOK_SECRET);
    const { receiveWebhook } = await import('./service');
    expect(await receiveWebhook(t.db, body.replace('Initech LLC', 'Evil Corp'), signature)).toBe('invalid_signature');
    expect(await receiveWebhook(t.db, body, null)).toBe('invalid_signature');
    expect(await inbox(event.id)).toBeUndefined();
  });

  it('process an event once: a redelivery is acknowledged as a duplicate and changes nothing', async () => {
    const { customer, team } = await linkedCustomer();
    const invoice = fake.stripe.world.createInvoice(customer.id, { status: 'open', lines: [{ description: 'Pro', quantity: 1, unitAmount: 4_900, periodStart: 1_790_000_000, periodEnd: 1_792_600_000 }] });
    fake.stripe.world.payInvoice(invoice.id);
    const paid = lastEvent();
    expect(paid.type).toBe('invoice.paid');
    expect(await deliver(t.db, paid)).toBe('processed');
    expect(await deliver(t.db, paid)).toBe('duplicate');
    expect(await deliver(t.db, paid)).toBe('duplicate');
    expect(await syncAuditsOf(paid.id)).toBe(1);
    expect((await eventsOf(t.db, team.organizationId)).filter((e) => e.type === 'invoice.paid')).toHaveLength(1);
    expect((await inbox(paid.id))).toMatchObject({ status: 'processed', attempts: 1 });
    expect(await listInvoices(t.db, team.organizationId, {})).toMatchObject([{ number: invoice.number, status: 'paid', total: 4_900, provider: 'stripe' }]);
  });

  it('store and acknowledge unknown types and customers no organization is linked to', async () => {
    const unknown = { ...lastEvent(), id: 'evt_unknown_type', type: 'radar.early_fraud_warning.created' };
    expect(await deliver(t.db, unknown)).toBe('ignored');
    expect(await inbox('evt_unknown_type')).toMatchObject({ status: 'ignored', type: 'radar.early_fraud_warning.created' });
    const stranger = fake.stripe.world.createCustomer({ name: 'Nobody here' });
    fake.stripe.world.updateCustomer(stranger.id, { name: 'Still nobody' });
    expect(await deliver(t.db, lastEvent())).toBe('ignored');
  });

  it('never roll state back when deliveries arrive out of order', async () => {
    const { customer, team } = await linkedCustomer('Old Name');
    fake.stripe.world.updateCustomer(customer.id, { name: 'Second Name' });
    const second = lastEvent();
    fake.stripe.world.updateCustomer(customer.id, { name: 'Third Name' });
    const third = lastEvent();
    expect(await deliver(t.db, third)).toBe('processed');
    expect(await deliver(t.db, second)).toBe('processed');
    expect((await billingOverview(t.db, team.organizationId)).details.companyName).toBe('Third Name');
  });

  it('record a failure, retry it (on redelivery, on schedule, or by replay) and then process it once', async () => {
    const { customer, team } = await linkedCustomer();
    const subscription = fake.stripe.world.createSubscription(customer.id, { nickname: 'Pro', unitAmount: 4_900, currency: 'eur', interval: 'month' });
    const created = lastEvent();
    fake.stripe.setDown(503);
    try {
      expect(await deliver(t.db, created)).toBe('failed');
      expect(await inbox(created.id)).toMatchObject({ status: 'failed', attempts: 1, lastError: expect.stringContaining('upstream_unavailable') });
      // Stripe's own redelivery is a retry while the event has not gone through.
      expect(await deliver(t.db, created)).toBe('failed');
      expect((await inbox(created.id))?.attempts).toBe(2);
    } finally {
      fake.stripe.setDown(null);
    }
    // Not due yet: the scheduled retry leaves it alone; once due, it goes through.
    expect(await retryFailedEvents(t.db)).toBe(0);
    await t.db.update(stripeEvent).set({ nextAttemptAt: new Date(Date.now() - 1000) }).where(eq(stripeEvent.id, created.id));
    expect(await retryFailedEvents(t.db)).toBe(1);
    expect(await inbox(created.id)).toMatchObject({ status: 'processed', attempts: 3, lastError: null });
    expect((await billingOverview(t.db, team.organizationId)).status).toBe('active');
    expect(await deliver(t.db, created)).toBe('duplicate');

    // A replay by id processes it again on purpose (after fixing whatever made it fail).
    fake.stripe.world.cancelSubscription(subscription.id);
    expect(await replayEvent(t.db, created.id)).toEqual({ outcome: 'processed', lastError: null });
    expect((await billingOverview(t.db, team.organizationId)).status).toBe('canceled');
    expect(await replayEvent(t.db, 'evt_never_seen')).toEqual({ outcome: 'unknown', lastError: null });
    expect((await eventsOf(t.db, team.organizationId)).filter((e) => e.type === 'subscription.changed')).toHaveLength(2);
  });

  it('keep the card and tax IDs in step: attach, make default, detach', async () => {
    const { customer, team } = await linkedCustomer();
    const method = fake.stripe.world.attachPaymentMethod(customer.id, { brand: 'mastercard', last4: '4444', expMonth: 3, expYear: 2029 }, { makeDefault: true });
    for (const event of fake.stripe.state.events.filter((e) => e.type === 'payment_method.attached' || e.type === 'customer.updated')) await deliver(t.db, event);
    expect((await billingOverview(t.db, team.organizationId)).paymentMethod).toEqual({ brand: 'mastercard', last4: '4444', expMonth: 3, expYear: 2029 });
    fake.stripe.world.detachPaymentMethod(method.id);
    const detached = fake.stripe.state.events.findLast((e) => e.type === 'payment_method.detached')!;
    expect(await deliver(t.db, detached)).toBe('processed');
    expect((await billingOverview(t.db, team.organizationId)).paymentMethod).toBeNull();
  });
});
