import Stripe from 'stripe';
import { stripeSettings } from './settings';

let cached: { key: string; url: string; client: Stripe } | undefined;

/** Whether Stripe (or the demo's simulator) is there: without it, no organization is a Stripe customer here. */
export function isStripeConfigured(): boolean {
  return stripeSettings() !== null;
}

/** The official SDK, pointed at STRIPE_API_URL (Stripe itself, or a Stripe-compatible server in tests). */
export function getStripe(): Stripe {
  const settings = stripeSettings();
  const key = settings?.secretKey ?? '';
  const apiUrl = settings?.apiUrl ?? 'https://api.stripe.com';
  if (cached?.key === key && cached.url === apiUrl) return cached.client;
  const url = new URL(apiUrl);
  const protocol = url.protocol === 'http:' ? 'http' : 'https';
  const client = new Stripe(key, { host: url.hostname, port: url.port || (protocol === 'http' ? 80 : 443), protocol, maxNetworkRetries: 1, timeout: 10_000 });
  cached = { key, url: apiUrl, client };
  return client;
}
