import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { extractText } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rejectionOf } from '../../tests/support/errors';
import { startFakeStripe, type FakeEvent, type FakeStripe } from './index';
import { seedDemoWorld } from './demo';

let fake: FakeStripe;
let stripe: Stripe;

beforeAll(async () => {
  fake = await startFakeStripe();
  const { hostname, port } = new URL(fake.url);
  stripe = new Stripe('sk_test_fake', { host: hostname, port, protocol: 'http', maxNetworkRetries: 0 });
});

afterAll(() => fake.close());

const at = (iso: string) => Date.parse(iso) / 1000;
const card = { brand: 'visa', last4: '4242', expMonth: 12, expYear: 2030 };
const pro = { nickname: 'Pro', unitAmount: 4900, currency: 'eur', interval: 'month' } as const;
const line = (description: string, quantity = 1) => ({ description, quantity, unitAmount: 4900, periodStart: at('2026-03-01T00:00:00Z'), periodEnd: at('2026-04-01T00:00:00Z') });

/** What the SDK threw, checked to be Stripe's refusal of the request. */
async function refusal(promise: Promise<unknown>) {
  const error = await rejectionOf(promise);
  expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
  const { statusCode, code, param, message } = error as Stripe.errors.StripeInvalidRequestError;
  return { statusCode, code, param, message };
}

/** The events appended while `act` ran. */
async function eventsDuring(act: () => unknown): Promise<FakeEvent[]> {
  const before = fake.state.events.length;
  await act();
  return fake.state.events.slice(before);
}

describe('customers', () => {
  it('retrieves a customer with its tax IDs and default card expanded only when asked, and a deleted one as Stripe does', async () => {
    const { id } = fake.world.createCustomer({ email: 'billing@a.example', name: 'A GmbH', address: { line1: 'Main 1', city: 'Berlin', postal_code: '10115', country: 'DE' } });
    const method = fake.world.attachPaymentMethod(id, card, { makeDefault: true });
    const taxId = fake.world.createTaxId(id, { type: 'eu_vat', value: 'DE123456789' });

    const plain = await stripe.customers.retrieve(id);
    expect(plain).toMatchObject({ id, object: 'customer', email: 'billing@a.example', livemode: false, invoice_settings: { default_payment_method: method.id } });
    expect(plain).not.toHaveProperty('tax_ids');

    const expanded = (await stripe.customers.retrieve(id, { expand: ['tax_ids', 'invoice_settings.default_payment_method'] })) as Stripe.Customer;
    expect(expanded.address).toEqual({ line1: 'Main 1', line2: null, city: 'Berlin', postal_code: '10115', state: null, country: 'DE' });
    expect(expanded.invoice_settings.default_payment_method).toMatchObject({ id: method.id, card: { brand: 'visa', last4: '4242', exp_month: 12, exp_year: 2030 } });
    expect(expanded.tax_ids?.data).toMatchObject([{ id: taxId.id, country: 'DE', verification: { status: 'pending' } }]);

    fake.world.deleteCustomer(id);
    expect(await stripe.customers.retrieve(id)).toEqual({ id, object: 'customer', deleted: true });
    expect(await refusal(stripe.customers.retrieve('cus_unknown'))).toEqual({ statusCode: 404, code: 'resource_missing', param: 'id', message: "No such customer: 'cus_unknown'" });
  });

  it('updates a customer from the SDK’s form encoding, the empty string clearing, and records customer.updated', async () => {
    const { id } = fake.world.createCustomer({ email: 'old@b.example', name: 'B Ltd' });
    const events = await eventsDuring(async () => {
      const updated = await stripe.customers.update(id, {
        email: 'new@b.example',
        address: { line1: 'High St 2', line2: '', city: 'London', postal_code: 'N1 9GU', state: '', country: 'GB' },
        expand: ['tax_ids'],
      });
      expect(updated).toMatchObject({ email: 'new@b.example', name: 'B Ltd', address: { line1: 'High St 2', line2: null, state: null, country: 'GB' }, tax_ids: { data: [] } });
    });
    expect(events).toMatchObject([{ type: 'customer.updated', data: { object: { id, email: 'new@b.example' }, previous_attributes: { email: 'old@b.example', address: null } } }]);

    expect((await stripe.customers.update(id, { address: '' })).address).toBeNull();
    expect(await refusal(stripe.customers.update(id, { phone: '+44 20 7946 0000' }))).toMatchObject({ statusCode: 400, code: 'parameter_unknown', param: 'phone' });
  });

  it('creates, lists and deletes tax IDs, and refuses a number as Stripe does', async () => {
    const { id } = fake.world.createCustomer();
    const created = await stripe.customers.createTaxId(id, { type: 'eu_vat', value: 'FR12345678901' });
    expect(created).toMatchObject({ object: 'tax_id', type: 'eu_vat', value: 'FR12345678901', country: 'FR', customer: id, verification: { status: 'pending', verified_name: null } });
    expect((await stripe.customers.listTaxIds(id)).data.map((t) => t.id)).toEqual([created.id]);

    expect(await refusal(stripe.customers.createTaxId(id, { type: 'gb_vat', value: 'GB-INVALID' }))).toEqual({ statusCode: 400, code: 'tax_id_invalid', param: 'value', message: 'Invalid value for gb_vat.' });

    expect(await stripe.customers.deleteTaxId(id, created.id)).toEqual({ id: created.id, object: 'tax_id', deleted: true });
    expect((await stripe.customers.listTaxIds(id)).data).toEqual([]);
    expect(await refusal(stripe.customers.deleteTaxId(id, created.id))).toMatchObject({ statusCode: 404, code: 'resource_missing' });
  });

  it('lists a customer’s cards, newest first, without the detached ones', async () => {
    const { id } = fake.world.createCustomer();
    const first = fake.world.attachPaymentMethod(id, card);
    const second = fake.world.attachPaymentMethod(id, { ...card, brand: 'mastercard', last4: '4444' });
    expect((await stripe.customers.listPaymentMethods(id, { type: 'card' })).data.map((m) => m.id)).toEqual([second.id, first.id]);
    fake.world.detachPaymentMethod(second.id);
    expect((await stripe.customers.listPaymentMethods(id, { limit: 1 })).data).toMatchObject([{ id: first.id, type: 'card', card: { last4: '4242' } }]);
  });
});

describe('subscriptions', () => {
  it('lists a customer’s subscriptions newest first, the canceled ones only with status=all', async () => {
    const { id } = fake.world.createCustomer();
    fake.world.setClock(at('2026-01-10T00:00:00Z'));
    const old = fake.world.createSubscription(id, { ...pro, quantity: 2 });
    fake.world.setClock(at('2026-02-10T00:00:00Z'));
    const current = fake.world.createSubscription(id, { ...pro, interval: 'year', quantity: 5 });
    fake.world.setClock(null);
    fake.world.cancelSubscription(old.id);

    expect((await stripe.subscriptions.list({ customer: id })).data.map((s) => s.id)).toEqual([current.id]);
    const all = await stripe.subscriptions.list({ customer: id, status: 'all', limit: 20 });
    expect(all.data.map((s) => [s.id, s.status])).toEqual([[current.id, 'active'], [old.id, 'canceled']]);

    const retrieved = await stripe.subscriptions.retrieve(current.id);
    expect(retrieved.items.data[0]).toMatchObject({
      object: 'subscription_item',
      quantity: 5,
      current_period_start: at('2026-02-10T00:00:00Z'),
      current_period_end: at('2027-02-10T00:00:00Z'),
      price: { object: 'price', unit_amount: 4900, currency: 'eur', nickname: 'Pro', recurring: { interval: 'year', interval_count: 1 } },
    });
  });
});

describe('invoices', () => {
  it('pages through a customer’s invoices newest first, and through the lines of a long one', async () => {
    const { id } = fake.world.createCustomer({ name: 'C AB' });
    for (let n = 1; n <= 25; n++) fake.world.createInvoice(id, { number: `C-${n}`, status: 'paid', created: at('2026-01-01T00:00:00Z') + n * 3600, lines: [line('Pro')] });
    const long = fake.world.createInvoice(id, { number: 'C-26', lines: Array.from({ length: 12 }, (_, n) => line(`Seat ${n + 1}`)) });

    const invoices = await stripe.invoices.list({ customer: id, limit: 10 }).autoPagingToArray({ limit: 100 });
    expect(invoices.map((i) => i.number)).toEqual(['C-26', ...Array.from({ length: 25 }, (_, n) => `C-${25 - n}`)]);
    expect(fake.requests.filter((r) => r.path === '/v1/invoices' && r.query.get('customer') === id)).toHaveLength(3);

    const retrieved = await stripe.invoices.retrieve(long.id);
    expect(retrieved).toMatchObject({ status: 'open', customer_name: 'C AB', total: 12 * 4900, amount_remaining: 12 * 4900, lines: { has_more: true } });
    expect(String(retrieved.lines.data[0]!.pricing?.unit_amount_decimal)).toBe('4900');
    const lines = await stripe.invoices.listLineItems(long.id, { limit: 5 }).autoPagingToArray({ limit: 100 });
    expect(lines.map((l) => l.description)).toEqual(Array.from({ length: 12 }, (_, n) => `Seat ${n + 1}`));
  });

  it('pays an open invoice out of band once, and refuses to pay it again or a void one', async () => {
    const { id } = fake.world.createCustomer();
    const open = fake.world.createInvoice(id, { lines: [line('Pro', 2)] });
    const events = await eventsDuring(async () => {
      const paid = await stripe.invoices.pay(open.id, { paid_out_of_band: true });
      expect(paid).toMatchObject({ status: 'paid', amount_paid: 9800, amount_remaining: 0, status_transitions: { paid_at: expect.any(Number) } });
    });
    expect(events).toMatchObject([{ type: 'invoice.paid', data: { previous_attributes: { status: 'open', amount_paid: 0 } } }]);
    expect(await refusal(stripe.invoices.pay(open.id, { paid_out_of_band: true }))).toMatchObject({ statusCode: 400, message: 'Invoice is already paid' });

    const voided = fake.world.voidInvoice(fake.world.createInvoice(id, { lines: [line('Pro')] }).id);
    expect(await refusal(stripe.invoices.pay(voided.id, { paid_out_of_band: true }))).toMatchObject({ statusCode: 400 });
  });

  it('serves each invoice’s PDF, with its number, customer and total', async () => {
    const { id } = fake.world.createCustomer({ name: 'D Oy' });
    const invoice = await stripe.invoices.retrieve(fake.world.createInvoice(id, { number: 'D-0042', lines: [line('Pro', 3)] }).id);
    expect(invoice.invoice_pdf).toBe(`${fake.url}/invoice_pdf/${invoice.id}`);

    const response = await fetch(invoice.invoice_pdf!);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const { text } = await extractText(new Uint8Array(await response.arrayBuffer()), { mergePages: true });
    expect(text).toContain('D-0042');
    expect(text).toContain('D Oy');
    expect(text).toContain('147.00 EUR');
  });
});

describe('billing portal', () => {
  it('opens a session for each flow, with a page that links back to return_url', async () => {
    const { id } = fake.world.createCustomer();
    const subscription = fake.world.createSubscription(id, pro);
    const base = { customer: id, return_url: 'https://portal.example/billing' };

    const plain = await stripe.billingPortal.sessions.create(base);
    expect(plain).toMatchObject({ object: 'billing_portal.session', customer: id, return_url: base.return_url, configuration: expect.stringMatching(/^bpc_/), flow: null, livemode: false });
    expect(plain.url).toBe(`${fake.url}/portal/${plain.id}`);

    const paymentMethod = await stripe.billingPortal.sessions.create({ ...base, configuration: 'bpc_custom', flow_data: { type: 'payment_method_update' } });
    expect(paymentMethod).toMatchObject({ configuration: 'bpc_custom', flow: { type: 'payment_method_update', subscription_update: null } });
    const update = await stripe.billingPortal.sessions.create({ ...base, flow_data: { type: 'subscription_update', subscription_update: { subscription: subscription.id } } });
    expect(update.flow).toMatchObject({ type: 'subscription_update', subscription_update: { subscription: subscription.id } });
    const cancel = await stripe.billingPortal.sessions.create({ ...base, flow_data: { type: 'subscription_cancel', subscription_cancel: { subscription: subscription.id } } });
    expect(cancel.flow).toMatchObject({ type: 'subscription_cancel', subscription_cancel: { subscription: subscription.id } });
    expect([...fake.state.portalSessions.keys()]).toEqual(expect.arrayContaining([plain.id, paymentMethod.id, update.id, cancel.id]));

    const page = await (await fetch(cancel.url)).text();
    expect(page).toContain('<title>Demo billing portal</title>');
    expect(page).toContain(`action="/portal/${cancel.id}/cancel"`);
    expect(page).not.toContain('/payment-method"');
    expect(page).toContain('<a href="https://portal.example/billing">Return to portal.example</a>');
    const home = await (await fetch(plain.url)).text();
    for (const form of ['payment-method', 'plan', 'cancel']) expect(home).toContain(`action="/portal/${plain.id}/${form}"`);
  });

  it('changes the card, the plan and the cancellation from its forms, delivers the signed events, and sends the browser back', async () => {
    const received: { signature: string; body: string }[] = [];
    const endpoint = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push({ signature: String(req.headers['stripe-signature']), body: Buffer.concat(chunks).toString('utf8') });
        res.end('{}');
      });
    });
    await new Promise<void>((resolve) => endpoint.listen(0, '127.0.0.1', resolve));
    const secret = 'whsec_portal_pages_test';
    try {
      const { id } = fake.world.createCustomer();
      const subscription = fake.world.createSubscription(id, { ...pro, quantity: 5 });
      const session = await stripe.billingPortal.sessions.create({ customer: id, return_url: 'https://portal.example/billing' });
      fake.deliverWebhooksTo({ url: `http://127.0.0.1:${(endpoint.address() as AddressInfo).port}/hook`, secret });
      const submit = (form: string, fields: Record<string, string>) =>
        fetch(`${session.url}/${form}`, { method: 'POST', body: new URLSearchParams(fields), redirect: 'manual' });

      const saved = await submit('payment-method', { card: 'mastercard' });
      expect(saved.status).toBe(303);
      expect(saved.headers.get('location')).toBe('https://portal.example/billing');
      const customer = (await stripe.customers.retrieve(id, { expand: ['invoice_settings.default_payment_method'] })) as Stripe.Customer;
      expect(customer.invoice_settings.default_payment_method).toMatchObject({ card: { brand: 'mastercard', last4: '4444' } });

      expect((await submit('plan', { plan: 'Business', seats: '8' })).status).toBe(303);
      expect(await stripe.subscriptions.retrieve(subscription.id)).toMatchObject({ items: { data: [{ quantity: 8, price: { nickname: 'Business', unit_amount: 9900 } }] } });
      expect((await submit('cancel', {})).status).toBe(303);
      expect(await stripe.subscriptions.retrieve(subscription.id)).toMatchObject({ cancel_at_period_end: true });

      // Delivered before the redirect, each verifiable with the endpoint's secret, in order.
      const events = received.map(({ body, signature }) => stripe.webhooks.constructEvent(body, signature, secret));
      expect(events.map((e) => e.type)).toEqual(['payment_method.attached', 'customer.updated', 'customer.subscription.updated', 'customer.subscription.updated']);

      expect((await submit('plan', { plan: 'Gold', seats: '8' })).status).toBe(422);
      expect((await submit('plan', { plan: 'Pro', seats: '0' })).status).toBe(422);
      expect((await submit('payment-method', { card: 'diners' })).status).toBe(422);
      expect(received).toHaveLength(4);
    } finally {
      await new Promise((resolve) => endpoint.close(resolve));
    }
  });

  it('refuses a session for an unknown customer, an unknown flow, or a subscription flow without the customer’s subscription', async () => {
    const { id } = fake.world.createCustomer();
    const others = fake.world.createSubscription(fake.world.createCustomer().id, pro);
    expect(await refusal(stripe.billingPortal.sessions.create({ customer: 'cus_unknown' }))).toMatchObject({ statusCode: 400, code: 'resource_missing', param: 'customer' });
    expect(await refusal(stripe.billingPortal.sessions.create({ customer: id, flow_data: { type: 'bogus' } }))).toMatchObject({ statusCode: 400, param: 'flow_data[type]' });
    expect(await refusal(stripe.billingPortal.sessions.create({ customer: id, flow_data: { type: 'subscription_update' } }))).toMatchObject({
      statusCode: 400,
      code: 'parameter_missing',
      param: 'flow_data[subscription_update][subscription]',
    });
    const foreign = { type: 'subscription_cancel', subscription_cancel: { subscription: others.id } } as const;
    expect(await refusal(stripe.billingPortal.sessions.create({ customer: id, flow_data: foreign }))).toMatchObject({ statusCode: 400, param: 'flow_data[subscription_cancel][subscription]' });
  });
});

describe('outages', () => {
  it('fails every request while down, and the next one only with failNext', async () => {
    const { id } = fake.world.createCustomer();
    fake.setDown(503);
    const error = await rejectionOf(stripe.customers.retrieve(id));
    expect(error).toBeInstanceOf(Stripe.errors.StripeAPIError);
    expect((error as Stripe.errors.StripeAPIError).statusCode).toBe(503);
    await expect(stripe.invoices.list({ customer: id })).rejects.toBeInstanceOf(Stripe.errors.StripeAPIError);
    fake.setDown(null);

    fake.failNext(500);
    await expect(stripe.customers.retrieve(id)).rejects.toBeInstanceOf(Stripe.errors.StripeAPIError);
    expect(await stripe.customers.retrieve(id)).toMatchObject({ id });
  });
});

describe('events', () => {
  it('records what the dashboard does, in order, with the previous values of what changed', async () => {
    const { id } = fake.world.createCustomer();
    const events = await eventsDuring(() => {
      const method = fake.world.attachPaymentMethod(id, card, { makeDefault: true });
      const subscription = fake.world.createSubscription(id, { ...pro, quantity: 5 });
      fake.world.updateSubscription(subscription.id, { quantity: 8, cancelAtPeriodEnd: true });
      fake.world.setTaxIdVerification(fake.world.createTaxId(id, { type: 'eu_vat', value: 'DE999999999' }).id, 'verified');
      const invoice = fake.world.createInvoice(id, { subscription: subscription.id, lines: [line('Pro', 8)] });
      fake.world.failInvoicePayment(invoice.id);
      fake.world.detachPaymentMethod(method.id);
    });

    expect(events.map((e) => e.type)).toEqual([
      'payment_method.attached',
      'customer.updated',
      'customer.subscription.created',
      'customer.subscription.updated',
      'customer.tax_id.created',
      'customer.tax_id.updated',
      'invoice.created',
      'invoice.finalized',
      'invoice.payment_failed',
      'payment_method.detached',
      'customer.updated',
    ]);
    expect(events[0]).toMatchObject({ object: 'event', api_version: '2026-10-28.endive', livemode: false, pending_webhooks: 1, request: { id: null, idempotency_key: null } });
    expect(events[1]!.data.previous_attributes).toEqual({ invoice_settings: { default_payment_method: null } });
    expect(events[3]!.data.previous_attributes).toMatchObject({ cancel_at_period_end: false, items: { data: [expect.objectContaining({ quantity: 5 })] } });
    expect(events[5]!.data.previous_attributes).toEqual({ verification: { status: 'pending' } });
    expect(events[8]!.data.object).toMatchObject({ status: 'open', parent: { type: 'subscription_details', subscription_details: { subscription: expect.stringMatching(/^sub_/) } } });
    expect(events[9]!.data).toMatchObject({ object: { customer: null }, previous_attributes: { customer: id } });
    expect(events[10]!.data.object).toMatchObject({ invoice_settings: { default_payment_method: null } });
  });

  it('signs a delivery as Stripe does: the SDK verifies it, and refuses a tampered or stale one', () => {
    fake.world.createCustomer();
    const event = fake.state.events.at(-1)!;
    const secret = 'whsec_test';
    const { body, signature } = fake.signed(event, secret);
    expect(stripe.webhooks.constructEvent(body, signature, secret, 300)).toMatchObject({ id: event.id, type: 'customer.created' });

    expect(() => stripe.webhooks.constructEvent(body.replace('"livemode":false', '"livemode":true'), signature, secret, 300)).toThrow(Stripe.errors.StripeSignatureVerificationError);
    const stale = fake.signed(event, secret, { timestamp: Math.floor(Date.now() / 1000) - 600 });
    expect(() => stripe.webhooks.constructEvent(stale.body, stale.signature, secret, 300)).toThrow(Stripe.errors.StripeSignatureVerificationError);
  });
});

describe('demo world', () => {
  it('bills Acme monthly for seven months, the newest open, with a proration in the previous quarter', () => {
    const { customer, subscription, invoices } = seedDemoWorld(fake.world, new Date('2026-05-20T10:00:00Z'));
    expect(customer.id).toBe('cus_demo_acme');
    expect(subscription.items.data[0]).toMatchObject({ quantity: 5, current_period_start: at('2026-05-01T00:00:00Z'), current_period_end: at('2026-06-01T00:00:00Z') });
    expect(invoices.map((i) => [i.number, i.status, i.created])).toEqual(
      ['2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05'].map((month, n) => [`ACME-000${n + 1}`, n === 6 ? 'open' : 'paid', at(`${month}-01T00:00:00Z`)]),
    );
    const prorated = invoices.filter((i) => i.lines.data.some((l) => l.parent?.subscription_item_details.proration));
    expect(prorated.map((i) => i.number)).toEqual(['ACME-0004']);
    expect(prorated[0]!.lines.data.map((l) => [l.description, Math.sign(l.amount)])).toEqual([
      ['Unused time on 5 × Pro after 15 Jan 2026', -1],
      ['Remaining time on 8 × Pro after 15 Jan 2026', 1],
      ['5 × Pro (at €49.00 / month)', 1],
    ]);
  });
});
