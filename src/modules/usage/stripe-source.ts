import { isMeter, type Meter } from '@config/usage';
import { getConfig } from '@/platform/config';
import { getStripe } from '@/platform/stripe/client';
import { AppError } from '@/platform/http/errors';
import { monthStart, utcDay } from './period';
import type { MeteringSource } from './source';

/** USAGE_STRIPE_METERS="api_calls=mtr_123,storage_gb=mtr_456": our meter → the Stripe meter id. */
export function stripeMeterIds(): Partial<Record<Meter, string>> {
  const pairs = getConfig()
    .USAGE_STRIPE_METERS.split(',')
    .map((pair) => pair.split('=').map((s) => s.trim()))
    .filter((p): p is [Meter, string] => p.length === 2 && isMeter(p[0]!) && p[1] !== '');
  return Object.fromEntries(pairs);
}

const seconds = (day: string) => Date.parse(`${day}T00:00:00Z`) / 1000;

/** Stripe Billing Meters: the customer's event summaries per UTC day, summed into the buckets asked for. */
export function stripeSource(customerId: string, meterIds = stripeMeterIds()): MeteringSource {
  return {
    name: 'stripe',
    async totals(meter, from, to, grain) {
      const meterId = meterIds[meter];
      const buckets = new Map<string, number>();
      if (!meterId) return buckets;
      try {
        const summaries = getStripe().billing.meters.listEventSummaries(meterId, {
          customer: customerId,
          start_time: seconds(from),
          end_time: seconds(to),
          value_grouping_window: 'day',
          limit: 100,
        });
        for await (const summary of summaries) {
          const day = utcDay(new Date(summary.start_time * 1000));
          const bucket = grain === 'day' ? day : monthStart(day);
          buckets.set(bucket, (buckets.get(bucket) ?? 0) + summary.aggregated_value);
        }
      } catch (error) {
        console.error('[usage] Stripe meter event summaries failed:', error instanceof Error ? error.message : error);
        throw new AppError('upstream_unavailable', 'Usage from Stripe is unavailable right now. Please try again shortly.');
      }
      return buckets;
    },
  };
}
