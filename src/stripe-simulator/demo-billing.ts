// The billing of `npm start`'s demo: the simulator, seeded with Acme's Stripe history, serving the
// portal's Stripe calls and its billing portal pages, and delivering webhooks back to the portal.
import { randomBytes } from 'node:crypto';
import { useDemoStripe } from '@/platform/stripe/settings';
import { seedDemoWorld } from './demo';
import { startFakeStripe } from './index';

export async function startDemoBilling({ webhookUrl }: { webhookUrl: string }): Promise<{ url: string; close(): Promise<void> }> {
  const simulator = await startFakeStripe();
  seedDemoWorld(simulator.world);
  const webhookSecret = `whsec_demo_${randomBytes(18).toString('base64url')}`;
  simulator.deliverWebhooksTo({ url: webhookUrl, secret: webhookSecret });
  useDemoStripe({ apiUrl: simulator.url, secretKey: 'sk_test_demo_billing', webhookSecret });
  return simulator;
}
