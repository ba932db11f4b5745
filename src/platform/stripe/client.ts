import Stripe from 'stripe';
import { getConfig } from '../config';

let cached: { key: string; url: string; client: Stripe } | undefined;

/** Whether a Stripe secret key is configured: without one, no organization is a Stripe customer here. */
export function isStripeConfigured(): boolean {
  return Boolean(getConfig().STRIPE_SECRET_KEY);
}

/** The official SDK, pointed at STRIPE_API_URL (Stripe itself, or a Stripe-compatible server in tests). */
export function getStripe(): Stripe {
  const config = getConfig();
  const key = config.STRIPE_SECRET_KEY ?? '';
  if (cached?.key === key && cached.url === config.STRIPE_API_URL) return cached.client;
  const url = new URL(config.STRIPE_API_URL);
  const protocol = url.protocol === 'http:' ? 'http' : 'https';
  const client = new Stripe(key, { host: url.hostname, port: url.port || (protocol === 'http' ? 80 : 443), protocol, maxNetworkRetries: 1, timeout: 10_000 });
  cached = { key, url: config.STRIPE_API_URL, client };
  return client;
}
