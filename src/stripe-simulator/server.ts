// Fake Stripe as a process of its own, seeded with the demo world, for the Playwright journeys:
//   npx tsx src/stripe-simulator/server.ts --port 12111
// The portal's STRIPE_API_URL points here; the journeys read events and cut Stripe off at /__control/.
import { parseArgs } from 'node:util';
import { startFakeStripe } from './index';
import { seedDemoWorld } from './demo';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { port: { type: 'string', default: '12111' } } });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port needs a port number, got "${values.port}"`);
  const fake = await startFakeStripe({ port });
  const { customer, subscription, invoices } = seedDemoWorld(fake.world);
  // Playwright's webServer waits for the port; people read this line.
  console.info(`fake-stripe ready: ${fake.url} (${customer.id}, ${subscription.id}, ${invoices.length} invoices)`);
  const shutdown = () => void fake.close().then(() => process.exit(0));
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
