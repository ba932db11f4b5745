import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '@/platform/actions/schema';
import type { Db } from '@/platform/db/types';
import { organization } from '@/platform/tenancy/schema';
import { billingProfile, taxId } from '@/modules/billing/schema';
import { invoice } from '@/modules/invoices/schema';
import type { FakeEvent } from '@/stripe-simulator';
import { busyMonth } from '@/stripe-simulator/scenarios';
import { deliver, seedStripeTeam, useFakeStripe } from '../../../tests/support/stripe-fixtures';
import { createTestDatabase, type TestDatabase } from '../../../tests/support/test-db';
import { stripeEvent } from './schema';
import { syncAllOrganizations } from './service';

// Webhook chaos: 200 events for 20 customers, delivered in order to one database and shuffled, with
// duplicates and forged deliveries, to another. Both must end exactly where Stripe is.

const fake = useFakeStripe();
const CUSTOMERS = 20;
let events: FakeEvent[] = [];
const databases: TestDatabase[] = [];

/** A seeded pseudo-random generator, so a failure can be replayed with the same shuffle. */
function random(seed: number) {
  return () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
}

function shuffled<T>(items: T[], next: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

async function databaseWithCustomers(customerIds: string[]): Promise<Db> {
  const handle = await createTestDatabase();
  databases.push(handle);
  for (const id of customerIds) await seedStripeTeam(handle.db, id);
  return handle.db;
}

/** Everything the webhooks keep, by Stripe customer: free of our own ids and timestamps. */
async function mirror(db: Db) {
  const [profiles, taxIds, invoices] = await Promise.all([
    db
      .select({ customer: organization.stripeCustomerId, billingEmail: billingProfile.billingEmail, companyName: billingProfile.companyName, address: billingProfile.address, paymentMethod: billingProfile.paymentMethod, subscriptionId: billingProfile.subscriptionId, status: billingProfile.subscriptionStatus, plan: billingProfile.planName, periodEnd: billingProfile.currentPeriodEnd, amount: billingProfile.nextAmount, cancelAtPeriodEnd: billingProfile.cancelAtPeriodEnd })
      .from(billingProfile)
      .innerJoin(organization, eq(organization.id, billingProfile.organizationId))
      .orderBy(asc(organization.stripeCustomerId)),
    db.select({ customer: organization.stripeCustomerId, id: taxId.id, value: taxId.value, verification: taxId.verification }).from(taxId).innerJoin(organization, eq(organization.id, taxId.organizationId)).orderBy(asc(taxId.id)),
    db
      .select({ customer: organization.stripeCustomerId, id: invoice.stripeInvoiceId, number: invoice.number, status: invoice.status, total: invoice.total, amountPaid: invoice.amountPaid, paidAt: invoice.paidAt, lines: invoice.lines })
      .from(invoice)
      .innerJoin(organization, eq(organization.id, invoice.organizationId))
      .orderBy(asc(invoice.stripeInvoiceId)),
  ]);
  return { profiles, taxIds, invoices };
}

let customerIds: string[] = [];

beforeAll(async () => {
  customerIds = Array.from({ length: CUSTOMERS }, (_, n) => fake.stripe.world.createCustomer({ name: `Customer ${n}`, email: `c${n}@customer.example` }).id);
  const from = fake.stripe.state.events.length;
  customerIds.forEach((id, n) => busyMonth(fake.stripe.world, id, n));
  events = fake.stripe.state.events.slice(from);
});

afterAll(async () => {
  await Promise.all(databases.map((d) => d.close()));
});

describe('webhook chaos', () => {
  it('ends in the same state, Stripe’s, whether events come in order or shuffled with duplicates and forgeries', async () => {
    expect(events.length).toBeGreaterThanOrEqual(200);

    const inOrder = await databaseWithCustomers(customerIds);
    const firstTime: Record<string, number> = {};
    for (const event of events) {
      const outcome = await deliver(inOrder, event);
      firstTime[outcome] = (firstTime[outcome] ?? 0) + 1;
    }
    // Types the portal does not act on (customer.created, invoice.created …) are stored and ignored.
    expect(Object.keys(firstTime).sort()).toEqual(['ignored', 'processed']);

    const chaotic = await databaseWithCustomers(customerIds);
    const next = random(20_261_121);
    const duplicates = events.filter(() => next() < 0.2);
    const deliveries = shuffled([...events, ...duplicates], next);
    const outcomes: Record<string, number> = {};
    // Four at a time, as Stripe delivers concurrently; a few forged and stale deliveries among them.
    for (let i = 0; i < deliveries.length; i += 4) {
      const batch = deliveries.slice(i, i + 4).map((event) => deliver(chaotic, event));
      if (i % 40 === 0) batch.push(deliver(chaotic, deliveries[i]!, { secret: 'whsec_forged' }), deliver(chaotic, deliveries[i]!, { timestamp: Math.floor(Date.now() / 1000) - 3600 }));
      for (const outcome of await Promise.all(batch)) outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
    }
    expect(outcomes).toEqual({ ...firstTime, duplicate: duplicates.length, invalid_signature: 2 * Math.ceil(deliveries.length / 40) });

    // A backfill from Stripe (what `npm run stripe:sync` does) is the reference.
    const backfilled = await databaseWithCustomers(customerIds);
    expect(await syncAllOrganizations(backfilled)).toEqual({ synced: CUSTOMERS, failed: 0 });

    const expected = await mirror(backfilled);
    expect(expected.profiles).toHaveLength(CUSTOMERS);
    expect(expected.invoices).toHaveLength(CUSTOMERS);
    expect(await mirror(inOrder)).toEqual(expected);
    expect(await mirror(chaotic)).toEqual(expected);

    // Each event was applied exactly once, whatever the number of deliveries.
    const applied = await chaotic.select({ eventId: auditLog.after }).from(auditLog).where(eq(auditLog.action, 'system.sync_stripe'));
    const perEvent = new Map<string, number>();
    for (const { eventId } of applied) {
      const id = (eventId as { eventId?: string }).eventId!;
      perEvent.set(id, (perEvent.get(id) ?? 0) + 1);
    }
    expect(perEvent.size).toBe(firstTime.processed);
    expect([...perEvent.values()].every((n) => n === 1)).toBe(true);
    const inbox = await chaotic.select({ status: stripeEvent.status }).from(stripeEvent);
    expect(inbox).toHaveLength(events.length);
    expect(inbox.filter((row) => row.status === 'processed')).toHaveLength(firstTime.processed!);
    expect(inbox.filter((row) => row.status === 'ignored')).toHaveLength(firstTime.ignored!);
  }, 180_000);
});
