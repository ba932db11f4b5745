import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { seedIfEmpty } from '@/modules/demo/service';
import { parseInput } from '@/platform/http/validation';
import { organization } from '@/platform/tenancy/schema';
import { deliverWhileStripeIsDown, useFakeStripe } from '../../../tests/support/stripe-fixtures';
import { useTestDatabase } from '../../../tests/support/test-db';
import { customerTimeline, timelineQuery } from './service';

const t = useTestDatabase();
const fake = useFakeStripe();

it('the timeline of a demo customer holds its audit rows, a Stripe event with its state and its usage alert, newest first', async () => {
  expect(await seedIfEmpty(t.db, true)).toBe(true);
  const [acme] = await t.db.select().from(organization).where(eq(organization.externalId, 'org_acme'));
  const event = { id: 'evt_demo_timeline', object: 'event', type: 'customer.updated', created: Math.floor(Date.now() / 1000), data: { object: { id: acme!.stripeCustomerId, object: 'customer' } } };
  await deliverWhileStripeIsDown(t.db, fake.stripe, event);

  const { entries } = await customerTimeline(t.db, acme!.id, parseInput(timelineQuery, { limit: 100 }));

  expect(new Set(entries.map((e) => e.kind))).toEqual(new Set(['audit', 'billing', 'usage']));
  expect(entries.find((e) => e.ref.id === 'evt_demo_timeline')).toMatchObject({ kind: 'billing', status: 'failed' });
  const times = entries.map((e) => Date.parse(e.at));
  expect(times).toEqual([...times].sort((a, b) => b - a));
});
