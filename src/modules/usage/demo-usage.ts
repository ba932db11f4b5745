import { meterIds, usageLimitOf, type Meter } from '@config/usage';
import type { ActionContext } from '@/platform/actions/define';
import { addDays, daysBetween, periodOf, utcDay } from './period';
import { addToRollups } from './rollup';
import { emitRecordedAlerts } from './thresholds';

const HISTORY_DAYS = 365;
/** What an unlimited plan's demo uses in a month. */
const UNLIMITED_MONTH: Record<Meter, number> = { api_calls: 2_400_000, storage_gb: 900 };

/** A steady wobble, the same on every run: demo charts should not look like a ruler. */
const wobble = (i: number) => 1 + 0.25 * Math.sin(i * 1.7) + 0.1 * Math.sin(i * 0.31);

function round(meter: Meter, value: number): number {
  return meter === 'api_calls' ? Math.round(value) : Math.round(value * 100) / 100;
}

/**
 * A year of daily usage for a demo organization (rollups only, no raw events) such that this
 * period ends up at `share` of each limit, then the same threshold check as ingest (this period's only).
 */
export async function seedDemoUsage(ctx: ActionContext, organizationId: string, plan: string, share: number, now = new Date()): Promise<void> {
  const today = utcDay(now);
  const period = periodOf(now);
  const elapsed = daysBetween(period.start, today) + 1;
  const rows: { meter: Meter; day: string; value: number }[] = [];
  for (const meter of meterIds) {
    const month = (usageLimitOf(plan, meter) ?? UNLIMITED_MONTH[meter]) * share;
    for (let ago = HISTORY_DAYS - 1; ago >= elapsed; ago--) {
      const growth = 0.55 + 0.45 * (1 - ago / HISTORY_DAYS); // older months used less
      rows.push({ meter, day: addDays(today, -ago), value: round(meter, (month / 30) * growth * wobble(ago)) });
    }
    // This period: the same wobble, scaled so the days so far add up to the target exactly.
    const weights = Array.from({ length: elapsed }, (_, i) => wobble(i));
    const scale = month / weights.reduce((a, b) => a + b, 0);
    const values = weights.map((w) => round(meter, w * scale));
    values[values.length - 1] = round(meter, month - values.slice(0, -1).reduce((a, b) => a + b, 0));
    values.forEach((value, i) => rows.push({ meter, day: addDays(period.start, i), value }));
  }
  emitRecordedAlerts(ctx, await addToRollups(ctx.tx, organizationId, rows, { plans: new Map([[organizationId, plan]]), fromMonth: period.start }));
}
