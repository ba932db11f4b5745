// The demo world of the Playwright journeys: Acme Analytics on Pro for seven months, relative to
// `today` so that "this month" and "last quarter" always hold.
import type { FakeInvoiceLineInput } from './invoices';
import type { FakeInvoice } from './objects';
import type { FakeStripeWorld } from './world';

export const DEMO_CUSTOMER_ID = 'cus_demo_acme';
const SEATS = 5;
const UPGRADED_SEATS = 8;
const UNIT_AMOUNT = 4900;
const MONTHS = 7;

const monthStart = (year: number, month: number) => Date.UTC(year, month, 1) / 1000;
const dayMonthYear = (seconds: number) => new Date(seconds * 1000).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** 5 → 8 seats on the 15th of `month`: credit for the unused 5, charge for the remaining 8, to the month's end. */
function prorationLines(year: number, month: number): FakeInvoiceLineInput[] {
  const [start, change, end] = [monthStart(year, month), monthStart(year, month) + 14 * 86_400, monthStart(year, month + 1)];
  const share = (end - change) / (end - start);
  const line = (description: string, seats: number, sign: 1 | -1): FakeInvoiceLineInput => ({
    description: `${description} ${seats} × Pro after ${dayMonthYear(change)}`,
    quantity: seats,
    unitAmount: UNIT_AMOUNT,
    amount: sign * Math.round(seats * UNIT_AMOUNT * share),
    periodStart: change,
    periodEnd: end,
    proration: true,
  });
  return [line('Unused time on', SEATS, -1), line('Remaining time on', UPGRADED_SEATS, 1)];
}

export function seedDemoWorld(world: FakeStripeWorld, today = new Date()) {
  const [year, month] = [today.getUTCFullYear(), today.getUTCMonth()];
  const firstMonth = month - (MONTHS - 1);
  // The invoice of the previous quarter's middle month carries the proration of its first month.
  const prorationMonth = Math.floor(month / 3) * 3 - 3;

  world.setClock(monthStart(year, firstMonth));
  const customer = world.createCustomer({
    id: DEMO_CUSTOMER_ID,
    email: 'billing@acme.example',
    name: 'Acme Analytics',
    address: { line1: 'Friedrichstraße 123', city: 'Berlin', postal_code: '10117', country: 'DE' },
  });
  const card = world.attachPaymentMethod(customer.id, { brand: 'visa', last4: '4242', expMonth: 12, expYear: 2030 }, { makeDefault: true });
  const subscription = world.createSubscription(customer.id, {
    nickname: 'Pro',
    unitAmount: UNIT_AMOUNT,
    currency: 'eur',
    interval: 'month',
    quantity: SEATS,
    periodStart: monthStart(year, month),
    periodEnd: monthStart(year, month + 1),
  });

  const invoices: FakeInvoice[] = [];
  for (let m = firstMonth; m <= month; m++) {
    const [created, periodEnd] = [monthStart(year, m), monthStart(year, m + 1)];
    world.setClock(created);
    const regular: FakeInvoiceLineInput = { description: `${SEATS} × Pro (at €49.00 / month)`, quantity: SEATS, unitAmount: UNIT_AMOUNT, periodStart: created, periodEnd };
    invoices.push(
      world.createInvoice(customer.id, {
        number: `ACME-${String(invoices.length + 1).padStart(4, '0')}`,
        status: m === month ? 'open' : 'paid',
        created,
        periodStart: created,
        periodEnd,
        subscription: subscription.id,
        lines: m === prorationMonth + 1 ? [...prorationLines(year, prorationMonth), regular] : [regular],
      }),
    );
  }
  world.setClock(null);
  return { customer, card, subscription, invoices };
}
