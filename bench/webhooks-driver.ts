// The fake Stripe for bench/webhooks.mjs, in a process of its own:
//   node --import tsx bench/webhooks-driver.ts --out /tmp/x/events.json [--customers 200] [--warmup-customers 10]
// Starts src/stripe-simulator on a free port of 127.0.0.1, creates the customers and gives
// each a busy month (src/stripe-simulator/scenarios.ts, as in the chaos test: ~10 changes, each appending
// the events Stripe would send), writes { url, customers: [{ id, events }], warmup: [{ id, events }] }
// to --out and prints one line, `fake-stripe ready <url> <events>`; then serves the /v1 API (the
// portal's re-fetches) until SIGTERM/SIGINT. Warm-up customers have their own events, so that
// warming the portal up does not touch the measured customers.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { startFakeStripe, type FakeEvent, type FakeStripeWorld } from '../src/stripe-simulator';
import { busyMonth } from '../src/stripe-simulator/scenarios';

/** Customers `from`…`from+count-1`, each with its busy month: the events of that month (not customer.created), by customer. */
function customersWithMonth(w: FakeStripeWorld, from: number, count: number): { id: string; events: FakeEvent[] }[] {
  const ids = Array.from({ length: count }, (_, i) => w.createCustomer({ name: `Customer ${from + i}`, email: `c${from + i}@customer.example` }).id);
  return ids.map((id, i) => {
    const first = w.state.events.length;
    busyMonth(w, id, from + i);
    return { id, events: w.state.events.slice(first) };
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { out: { type: 'string' }, customers: { type: 'string', default: '200' }, 'warmup-customers': { type: 'string', default: '10' } } });
  const customers = Number(values.customers);
  const warmupCustomers = Number(values['warmup-customers']);
  if (!values.out) throw new Error('--out <file> is required');
  if (!Number.isInteger(customers) || customers < 1) throw new Error('--customers must be a positive integer');
  if (!Number.isInteger(warmupCustomers) || warmupCustomers < 0) throw new Error('--warmup-customers must be an integer ≥ 0');

  const fake = await startFakeStripe();
  const measured = customersWithMonth(fake.world, 0, customers);
  const warmup = customersWithMonth(fake.world, customers, warmupCustomers);
  fs.writeFileSync(values.out, JSON.stringify({ url: fake.url, customers: measured, warmup }));
  // The fake keeps every request it served (tests read them); the bench does not, so do not let it grow.
  const keepRequestsShort = setInterval(() => fake.requests.splice(0, fake.requests.length), 1000);
  keepRequestsShort.unref();
  console.info(`fake-stripe ready ${fake.url} ${measured.reduce((n, c) => n + c.events.length, 0)}`);
  const shutdown = () => void fake.close().finally(() => process.exit(0));
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
