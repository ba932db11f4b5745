import { getConfig } from '../config';

export type StripeSettings = {
  secretKey: string;
  apiUrl: string;
  webhookSecret?: string;
  portalConfigId?: string;
  /** The local simulator of `npm start`'s demo, not Stripe. */
  demo: boolean;
};

type DemoStripe = Pick<StripeSettings, 'secretKey' | 'apiUrl' | 'webhookSecret'>;

// Set by the start-up in the instrumentation bundle and read by route bundles: one per process.
const slot = Symbol.for('deflect.demoStripe');
const holder = globalThis as unknown as Record<symbol, DemoStripe | undefined>;

/** The demo's billing: the local Stripe simulator started with the demo data. */
export function useDemoStripe(demo: DemoStripe): void {
  holder[slot] = demo;
}

/** Stripe as configured (STRIPE_SECRET_KEY always wins), else the demo simulator if running, else none. */
export function stripeSettings(): StripeSettings | null {
  const config = getConfig();
  if (config.STRIPE_SECRET_KEY) {
    return { secretKey: config.STRIPE_SECRET_KEY, apiUrl: config.STRIPE_API_URL, webhookSecret: config.STRIPE_WEBHOOK_SECRET, portalConfigId: config.STRIPE_PORTAL_CONFIG_ID, demo: false };
  }
  const demo = holder[slot];
  return demo ? { ...demo, demo: true } : null;
}
