import { describe, expect, it } from 'vitest';
import { seedStripeTeam, useFakeStripe, WEBHOOK_SECRET } from '../../../../../tests/support/stripe-fixtures';
import { useTestDatabase } from '../../../../../tests/support/test-db';
import { POST } from './route';

// The HTTP edge of the webhook: raw body, status codes and the envelope. What processing does is
// tested in src/modules/stripe-sync.

const t = useTestDatabase();
const fake = useFakeStripe();

function post(body: string, signature?: string) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (signature) headers['stripe-signature'] = signature;
  return POST(new Request('http://localhost:3000/api/webhooks/stripe', { method: 'POST', headers, body }), undefined);
}

describe('POST /api/webhooks/stripe', () => {
  it('answers 400 for a bad signature, 200 for an event and 200 again, marked duplicate, for its redelivery', async () => {
    const customer = fake.stripe.world.createCustomer({ name: 'Hooli' });
    await seedStripeTeam(t.db, customer.id);
    fake.stripe.world.updateCustomer(customer.id, { name: 'Hooli XYZ' });
    const { body, signature } = fake.stripe.signed(fake.stripe.state.events.at(-1), WEBHOOK_SECRET);

    const forged = await post(body, signature.replace(/v1=[0-9a-f]+/, `v1=${'0'.repeat(64)}`));
    expect(forged.status).toBe(400);
    expect(await forged.json()).toMatchObject({ success: false, error: { code: 'invalid_signature' } });
    expect((await post(body)).status).toBe(400);

    const first = await post(body, signature);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ success: true, data: { received: true, duplicate: false } });
    const again = await post(body, signature);
    expect(await again.json()).toEqual({ success: true, data: { received: true, duplicate: true } });
  });

  it('answers 500 when processing failed, so that Stripe delivers again', async () => {
    const customer = fake.stripe.world.createCustomer({ name: 'Pied Piper' });
    await seedStripeTeam(t.db, customer.id);
    fake.stripe.world.updateCustomer(customer.id, { name: 'Pied Piper Inc' });
    const { body, signature } = fake.stripe.signed(fake.stripe.state.events.at(-1), WEBHOOK_SECRET);
    fake.stripe.setDown(500);
    try {
      const failed = await post(body, signature);
      expect(failed.status).toBe(500);
      expect(JSON.stringify(await failed.json())).not.toMatch(/Fake Stripe|stack|at /);
    } finally {
      fake.stripe.setDown(null);
    }
    expect(await (await post(body, signature)).json()).toEqual({ success: true, data: { received: true, duplicate: false } });
  });
});
