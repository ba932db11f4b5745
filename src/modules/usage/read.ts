import { eq } from 'drizzle-orm';
import { meterIds, meters, usageLimitOf, type Meter } from '@config/usage';
import { getConfig } from '@/platform/config';
import type { Db } from '@/platform/db/types';
import { organization } from '@/platform/tenancy/schema';
import { builtinSource } from './builtin-source';
import type { Range } from './inputs';
import { addDays, addMonths, daysBetween, lastDays, lastMonths, periodOf, utcDay, type Period } from './period';
import type { MeteringSource } from './source';
import { stripeSource } from './stripe-source';

export type UsageOrganization = { id: string; plan: string };
export type MeterUsage = { meter: Meter; label: string; unit: string; used: number; limit: number | null; percent: number | null; period: Period };
export type Point = { date: string; value: number };
export type Forecast = { value: number; method: string };
export type MeterSeries = { meter: Meter; label: string; unit: string; limit: number | null; range: Range; series: Point[]; total: number; forecastNextPeriod: number; forecast: Forecast };

/** Stripe Billing Meters for an organization with a Stripe customer when USAGE_SOURCE=stripe; else the portal's own. */
export async function meteringSourceFor(db: Db, organizationId: string): Promise<MeteringSource> {
  if (getConfig().USAGE_SOURCE === 'stripe') {
    const [row] = await db.select({ customerId: organization.stripeCustomerId }).from(organization).where(eq(organization.id, organizationId));
    if (row?.customerId) return stripeSource(row.customerId);
  }
  return builtinSource(db, organizationId);
}

const round2 = (n: number) => Math.round(n * 100) / 100;

async function usedThisPeriod(source: MeteringSource, meter: Meter, period: Period): Promise<number> {
  return (await source.totals(meter, period.start, period.end, 'month')).get(period.start) ?? 0;
}

/** Each meter's usage of the current billing period (the calendar month in UTC) against the plan's limit. */
export async function usageOverview(db: Db, org: UsageOrganization, now = new Date()): Promise<{ period: Period; meters: MeterUsage[] }> {
  const source = await meteringSourceFor(db, org.id);
  const period = periodOf(now);
  const list = await Promise.all(
    meterIds.map(async (meter): Promise<MeterUsage> => {
      const used = await usedThisPeriod(source, meter, period);
      const limit = usageLimitOf(org.plan, meter);
      return { meter, ...meters[meter], used, limit, percent: limit ? Math.floor((used * 100) / limit) : null, period };
    }),
  );
  return { period, meters: list };
}

/** Next period's usage at this period's run rate so far (today counts as a whole day). */
export function forecastNextPeriod(used: number, now: Date, unit: string): Forecast {
  const period = periodOf(now);
  const elapsed = daysBetween(period.start, utcDay(now)) + 1;
  const nextDays = daysBetween(period.end, addMonths(period.end, 1));
  const value = round2((used / elapsed) * nextDays);
  return {
    value,
    method: `Run rate of this period: ${used.toLocaleString('en-US')} ${unit} used in ${elapsed} ${elapsed === 1 ? 'day' : 'days'}, divided by ${elapsed} and multiplied by the ${nextDays} days of the next period.`,
  };
}

/** 30 daily points or 12 monthly points, oldest first, zeros included; the forecast of the next period. */
export async function usageSeries(db: Db, org: UsageOrganization, meter: Meter, range: Range, now = new Date()): Promise<MeterSeries> {
  const source = await meteringSourceFor(db, org.id);
  const buckets = range === '30d' ? lastDays(now, 30) : lastMonths(now, 12);
  const to = range === '30d' ? addDays(buckets.at(-1)!, 1) : addMonths(buckets.at(-1)!, 1);
  const totals = await source.totals(meter, buckets[0]!, to, range === '30d' ? 'day' : 'month');
  const series = buckets.map((date) => ({ date, value: totals.get(date) ?? 0 }));
  // The monthly series already holds this period; the daily one may not reach back to its start.
  const used = range === '12m' ? series.at(-1)!.value : await usedThisPeriod(source, meter, periodOf(now));
  const { unit, label } = meters[meter];
  const forecast = forecastNextPeriod(used, now, unit);
  return { meter, label, unit, limit: usageLimitOf(org.plan, meter), range, series, total: round2(series.reduce((sum, p) => sum + p.value, 0)), forecastNextPeriod: forecast.value, forecast };
}
