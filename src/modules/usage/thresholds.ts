import { sql } from 'drizzle-orm';
import { usageLimitOf, usageThresholds, type Meter } from '@config/usage';
import type { ActionContext } from '@/platform/actions/define';
import { addMonths } from './period';
import type { PeriodTotal } from './rollup';
import { columnParam, rowsOf } from './sql';

type Reached = PeriodTotal & { threshold: number; limit: number };

/** Each threshold a period's total has reached against the organization's limit for that meter. */
function reachedThresholds(periods: PeriodTotal[], planOf: (organizationId: string) => string): Reached[] {
  return periods.flatMap((p) => {
    const limit = usageLimitOf(planOf(p.organizationId), p.meter);
    if (limit === null) return [];
    return usageThresholds.filter((threshold) => p.used * 100 >= limit * threshold).map((threshold) => ({ ...p, threshold, limit }));
  });
}

/**
 * Records each threshold that a period's new total reaches and emits `usage.threshold_reached` for
 * those recorded now. The totals come from the month rows this transaction updated and holds locked,
 * so racing batches see each other's usage; the alert's primary key keeps it to once per
 * organization, meter, period and threshold.
 */
export async function recordReachedThresholds(ctx: ActionContext, periods: PeriodTotal[], planOf: (organizationId: string) => string): Promise<number> {
  const reached = reachedThresholds(periods, planOf);
  if (reached.length === 0) return 0;
  // One array per column: a busy organization past a threshold re-offers its alerts with every batch.
  const column = (pick: (r: Reached) => string | number) => columnParam(reached, pick);
  const recorded = await rowsOf<{ organization_id: string; meter: Meter; period_start: string; threshold: number }>(
    ctx.tx,
    sql`insert into usage_alert (organization_id, meter, period_start, threshold, limit_value)
        select * from unnest(${column((r) => r.organizationId)}::text[], ${column((r) => r.meter)}::text[], ${column((r) => r.periodStart)}::date[], ${column((r) => r.threshold)}::int[], ${column((r) => r.limit)}::numeric[])
        on conflict do nothing
        returning organization_id, meter, to_char(period_start, 'YYYY-MM-DD') as period_start, threshold`,
  );
  const isRecorded = new Set(recorded.map((r) => `${r.organization_id} ${r.meter} ${r.period_start} ${r.threshold}`));
  const emitted = reached.filter((r) => isRecorded.has(`${r.organizationId} ${r.meter} ${r.periodStart} ${r.threshold}`));
  for (const r of emitted) {
    ctx.emit('usage.threshold_reached', {
      organizationId: r.organizationId,
      meter: r.meter,
      threshold: r.threshold,
      used: r.used,
      limit: r.limit,
      period: { start: r.periodStart, end: addMonths(r.periodStart, 1) },
    });
  }
  return emitted.length;
}
