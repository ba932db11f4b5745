import type { FakeStripeWorld } from './world';

const DAY = 86_400;

/**
 * Ten changes to customer `n`, as a busy month at Stripe would bring them: details, a default card,
 * a tax ID and its verification, a subscription changed and maybe canceled, an invoice paid or
 * failed, a card detached. Shared by the webhook chaos test and bench/webhooks.mjs.
 */
export function busyMonth(w: FakeStripeWorld, customerId: string, n: number): void {
  const start = 1_790_000_000 + n * DAY;
  w.updateCustomer(customerId, { name: `Customer ${n} Ltd`, address: { line1: `${n} Main St`, city: 'Dublin', postal_code: 'D02', country: 'IE' } });
  const card = w.attachPaymentMethod(customerId, { brand: 'visa', last4: String(1000 + (n % 9000)), expMonth: 1 + (n % 12), expYear: 2030 }, { makeDefault: true });
  const tax = w.createTaxId(customerId, { type: 'eu_vat', value: `IE${6_388_047 + n}V` });
  w.setTaxIdVerification(tax.id, n % 3 === 0 ? 'unverified' : 'verified');
  const subscription = w.createSubscription(customerId, { nickname: 'Starter', unitAmount: 1_900, currency: 'eur', interval: 'month', quantity: 1, periodStart: start, periodEnd: start + 30 * DAY });
  w.updateSubscription(subscription.id, { nickname: 'Pro', unitAmount: 4_900, quantity: 2 + (n % 4) });
  const first = w.createInvoice(customerId, { status: 'open', subscription: subscription.id, lines: [{ description: 'Starter', quantity: 1, unitAmount: 1_900, periodStart: start, periodEnd: start + 30 * DAY }] });
  if (n % 2 === 0) w.payInvoice(first.id);
  else w.failInvoicePayment(first.id);
  if (n % 5 === 0) w.cancelSubscription(subscription.id);
  else w.updateSubscription(subscription.id, { cancelAtPeriodEnd: n % 3 === 0 });
  if (n % 4 === 0) w.detachPaymentMethod(card.id);
  else w.updateCustomer(customerId, { email: `billing${n}@customer.example` });
}
