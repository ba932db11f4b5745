import { count } from 'drizzle-orm';
import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { POST } from '@/app/api/webhooks/stripe/route';
import { useFakeStripe, WEBHOOK_SECRET } from '../../../tests/support/stripe-fixtures';
import { useTestDatabase } from '../../../tests/support/test-db';
import { stripeEvent } from './schema';

const t = useTestDatabase();
useFakeStripe();

const now = () => Math.floor(Date.now() / 1000);
let serial = 0;

/** An event of a type the portal ignores, so accepting it needs no call to Stripe. */
const ignoredEvent = () => ({ id: `evt_input_${++serial}`, object: 'event', type: 'radar.early_fraud_warning.created', created: now(), data: { object: { id: 'issfr_1', object: 'radar.early_fraud_warning' } } });

function post(body: string, signature: string | null): Promise<Response> {
  const headers = new Headers({ 'content-type': 'application/json' });
  if (signature !== null) headers.set('stripe-signature', signature);
  return POST(new Request('http://portal.test/api/webhooks/stripe', { method: 'POST', body, headers }), undefined);
}

const sign = (body: string, timestamp = now()) => Stripe.webhooks.generateTestHeaderString({ payload: body, secret: WEBHOOK_SECRET, timestamp });
const storedEvents = async () => (await t.db.select({ n: count() }).from(stripeEvent))[0]!.n;

async function expectRefused(response: Response, code: string) {
  expect(response.status).toBe(400);
  expect(response.headers.get('content-type')).toContain('application/json');
  expect(await response.json()).toEqual({ success: false, error: { code, message: expect.any(String) } });
}

describe('POST /api/webhooks/stripe, signature time', () => {
  it.each([
    ['an hour ahead', 3600],
    ['a day ahead', 86_400],
    ['one second past the tolerance, ahead', 301],
    ['one second past the tolerance, behind', -301],
    ['an hour behind', -3600],
  ])('refuses a correctly signed event dated %s, storing nothing', async (_name, offset) => {
    const before = await storedEvents();
    const body = JSON.stringify(ignoredEvent());
    await expectRefused(await post(body, sign(body, now() + offset)), 'invalid_signature');
    expect(await storedEvents()).toBe(before);
  });

  it.each([
    ['now', 0],
    ['well within the tolerance, ahead', 240],
    ['well within the tolerance, behind', -240],
  ])('accepts one dated %s', async (_name, offset) => {
    const body = JSON.stringify(ignoredEvent());
    const response = await post(body, sign(body, now() + offset));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ success: true, data: { received: true, duplicate: false } });
  });

  it.each([
    ['a timestamp that is not a number', (header: string) => header.replace(/^t=\d+/, 't=soon')],
    ['a second, later timestamp', (header: string) => `${header},t=${now() + 3600}`],
  ])('refuses %s', async (_name, tamper) => {
    const body = JSON.stringify(ignoredEvent());
    await expectRefused(await post(body, tamper(sign(body))), 'invalid_signature');
  });
});

describe('POST /api/webhooks/stripe, signed bodies that are no event', () => {
  const valid = ignoredEvent();
  it.each([
    ['an array', '[]'],
    ['a string', '"x"'],
    ['null', 'null'],
    ['a number', '1'],
    ['an empty object', '{}'],
    ['only an id', '{"id":"evt_1"}'],
    ['not JSON', 'not json at all'],
    ['truncated JSON', JSON.stringify(valid).slice(0, -1)],
    ['an object that is no event', JSON.stringify({ ...valid, object: 'invoice' })],
    ['no type', JSON.stringify({ ...valid, type: undefined })],
    ['a numeric id', JSON.stringify({ ...valid, id: 42 })],
    ['an empty id', JSON.stringify({ ...valid, id: '' })],
    ['a NUL in the id', JSON.stringify({ ...valid, id: 'evt_\u0000' })],
    ['a NUL deep in the data', JSON.stringify({ ...valid, id: 'evt_nul_data', data: { object: { id: 'x\u0000', object: 'customer' } } })],
    ['no data', JSON.stringify({ ...valid, data: undefined })],
    ['data.object null', JSON.stringify({ ...valid, data: { object: null } })],
    ['data.object a string', JSON.stringify({ ...valid, data: { object: 'cus_1' } })],
    ['created beyond any date', JSON.stringify({ ...valid, created: 1e20 })],
    ['created negative', JSON.stringify({ ...valid, created: -1 })],
    ['created a string', JSON.stringify({ ...valid, created: '1790000000' })],
  ])('answers 400 to %s and stores nothing', async (_name, body) => {
    const before = await storedEvents();
    await expectRefused(await post(body, sign(body)), 'invalid_event');
    expect(await storedEvents()).toBe(before);
  });
});
