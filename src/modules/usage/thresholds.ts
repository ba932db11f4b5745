import { sql, type SQL } from 'drizzle-orm';
import { meterIds, usageLimitOf, usageThresholds, type Meter } from '@config/usage';
import type { ActionContext } from '@/platform/actions/define';
import { addMonths } from './period';
import { arrayParam } from './sql';

/** Whose thresholds to check: each organization's plan, and optionally only periods from a month on. */
export type AlertScope = { plans: Map<string, string>; fromMonth?: string };
/** A threshold recorded now: its period's total reached it against the organization's limit. */
export type RecordedAlert = { organizationId: string; meter: Meter; periodStart: string; threshold: number; limit: number; used: number };

/**
 * A CTE `alerts` after `monthly` (rollup.ts): records each threshold that a touched period's new
 * total reaches against the organization's limit, and returns those recorded now. The totals are the
 * month rows this statement updated and holds locked, so racing batches see each other's usage; the
 * alert's primary key keeps it to once per organization, meter, period and threshold. Part of the
 * rollup statement rather than one of its own: the month rows stay locked until commit, and every
 * round trip after taking them holds back the next batch.
 */
export function alertsOf(scope: AlertScope): SQL {
  const limits = [...scope.plans].flatMap(([organizationId, plan]) => meterIds.flatMap((meter) => {
    const limit = usageLimitOf(plan, meter);
    return limit === null ? [] : [{ organizationId, meter, limit }];
  }));
  const from = scope.fromMonth ? sql`and m.month >= ${scope.fromMonth}::date` : sql``;
  return sql`alerts as (
      insert into usage_alert (organization_id, meter, period_start, threshold, limit_value)
      select m.organization_id, m.meter, m.month, t.threshold, l.limit_value
      from monthly m
      join unnest(${arrayParam(limits.map((l) => l.organizationId))}::text[], ${arrayParam(limits.map((l) => l.meter))}::text[], ${arrayParam(limits.map((l) => l.limit))}::numeric[])
        as l(organization_id, meter, limit_value) on l.organization_id = m.organization_id and l.meter = m.meter
      cross join unnest(${arrayParam([...usageThresholds])}::int[]) as t(threshold)
      where m.value * 100 >= l.limit_value * t.threshold ${from}
      order by 1, 2, 3, 4
      on conflict do nothing
      returning organization_id, meter, period_start, threshold, limit_value
    )`;
}

/** The alerts of `alertsOf` with their period's total, as one JSON array (one row answers, alerts or not). */
export const recordedAlertsJson = sql`coalesce((
    select json_agg(json_build_object('organizationId', a.organization_id, 'meter', a.meter, 'periodStart', to_char(a.period_start, 'YYYY-MM-DD'),
                                      'threshold', a.threshold, 'limit', a.limit_value, 'used', m.value)
                    order by a.organization_id, a.meter, a.period_start, a.threshold)
    from alerts a join monthly m on m.organization_id = a.organization_id and m.meter = a.meter and m.month = a.period_start
  ), '[]')`;

/** Emits `usage.threshold_reached` for each alert recorded now. */
export function emitRecordedAlerts(ctx: ActionContext, alerts: RecordedAlert[]): void {
  for (const a of alerts) {
    ctx.emit('usage.threshold_reached', {
      organizationId: a.organizationId,
      meter: a.meter,
      threshold: a.threshold,
      used: a.used,
      limit: a.limit,
      period: { start: a.periodStart, end: addMonths(a.periodStart, 1) },
    });
  }
}
