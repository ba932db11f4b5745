import { sql } from 'drizzle-orm';
import { usageLimitOf, usageThresholds, type Meter } from '@config/usage';
import type { ActionContext } from '@/platform/actions/define';
import { addMonths, monthStart } from './period';
import type { TouchedDay } from './rollup';
import { rowsOf } from './sql';

type Crossed = { organization_id: string; meter: Meter; period_start: string; threshold: number; limit_value: string; used: string };

/**
 * After a change to the daily rollups: records each threshold that a touched period's total now
 * reaches and emits `usage.threshold_reached` for those recorded now (the primary key keeps it to
 * once per organization, meter, period and threshold, also under concurrent batches).
 */
export async function recordCrossedThresholds(ctx: ActionContext, touched: TouchedDay[], planOf: (organizationId: string) => string): Promise<number> {
  const groups = new Map<string, { organizationId: string; meter: Meter; periodStart: string; limit: number }>();
  for (const t of touched) {
    const limit = usageLimitOf(planOf(t.organizationId), t.meter);
    const periodStart = monthStart(t.day);
    if (limit !== null) groups.set(`${t.organizationId} ${t.meter} ${periodStart}`, { organizationId: t.organizationId, meter: t.meter, periodStart, limit });
  }
  if (groups.size === 0) return 0;
  // Concurrent batches of one period take turns from here, in one order, so that the total read
  // below (a fresh snapshot, after the lock) includes every committed batch: no crossing is missed.
  const lockKeys = sql.join([...groups.keys()].sort().map((k) => sql`(${k})`), sql`, `);
  await ctx.tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(k, 0)) from (values ${lockKeys}) as l(k) order by k`);
  const periods = sql.join(
    [...groups.values()].map((g) => sql`(${g.organizationId}, ${g.meter}, ${g.periodStart}::date, ${String(g.limit)}::numeric)`),
    sql`, `,
  );
  const thresholds = sql.join(usageThresholds.map((t) => sql`(${t}::int)`), sql`, `);
  const crossed = await rowsOf<Crossed>(
    ctx.tx,
    sql`
      with p(organization_id, meter, period_start, limit_value) as (values ${periods}),
      totals as (
        select p.organization_id, p.meter, p.period_start, p.limit_value, sum(d.value) as used
        from p join usage_daily d
          on d.organization_id = p.organization_id and d.meter = p.meter
          and d.day >= p.period_start and d.day < (p.period_start + interval '1 month')
        group by 1, 2, 3, 4
      ), ins as (
        insert into usage_alert (organization_id, meter, period_start, threshold, limit_value)
        select t.organization_id, t.meter, t.period_start, th.threshold, t.limit_value
        from totals t cross join (values ${thresholds}) as th(threshold)
        where t.used * 100 >= t.limit_value * th.threshold
        order by 1, 3, 2, 4
        on conflict do nothing
        returning organization_id, meter, period_start, threshold, limit_value
      )
      select ins.organization_id, ins.meter, to_char(ins.period_start, 'YYYY-MM-DD') as period_start, ins.threshold, ins.limit_value::text, totals.used::text
      from ins join totals using (organization_id, meter, period_start)`,
  );
  for (const c of crossed) {
    ctx.emit('usage.threshold_reached', {
      organizationId: c.organization_id,
      meter: c.meter,
      threshold: c.threshold,
      used: Number(c.used),
      limit: Number(c.limit_value),
      period: { start: c.period_start, end: addMonths(c.period_start, 1) },
    });
  }
  return crossed.length;
}
