// Meters the host product reports, and what each plan includes. null is unlimited.
// Alerts fire when a period's usage crosses each threshold (percent of the limit), once per period.
import type { Plan } from './plans';

export const meters = {
  api_calls: { label: 'API calls', unit: 'calls' },
  storage_gb: { label: 'Storage', unit: 'GB' },
} as const;

export type Meter = keyof typeof meters;
export const meterIds = Object.keys(meters) as Meter[];

export const usageLimits: Record<Plan, Record<Meter, number | null>> = {
  free: { api_calls: 10_000, storage_gb: 1 },
  pro: { api_calls: 500_000, storage_gb: 100 },
  enterprise: { api_calls: null, storage_gb: null },
};

export const usageThresholds = [80, 100] as const;

export function isMeter(value: string): value is Meter {
  return Object.hasOwn(meters, value);
}

/** The limit of a meter on a plan; an unknown plan gets the free plan's limits. */
export function usageLimitOf(plan: string, meter: Meter): number | null {
  const limits = Object.hasOwn(usageLimits, plan) ? usageLimits[plan as Plan] : usageLimits.free;
  return limits[meter];
}
