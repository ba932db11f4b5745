import { sql, type SQL } from 'drizzle-orm';
import type { Meter } from '@config/usage';
import { sqlStateOf, UNIQUE_VIOLATION } from '@/platform/db/errors';
import type { Db } from '@/platform/db/types';
import type { ScreenedEvent } from './screen';
import { rowsOf } from './sql';

/** An organization's usage of a meter in a billing period, after a batch was added to it. */
export type PeriodTotal = { organizationId: string; meter: Meter; periodStart: string; used: number };
type Stored = { inserted: number; periods: PeriodTotal[] };

/**
 * Two CTEs, `daily` and `monthly`, adding the rows (organization_id, meter, day, value) of the CTE
 * `source` to the rollups per UTC day and per month; `monthly` returns each touched month's new total.
 */
function rollUp(source: SQL): SQL {
  return sql`
    daily as (
      insert into usage_daily (organization_id, meter, day, value)
      select organization_id, meter, day, sum(value) from ${source} group by 1, 2, 3 order by 1, 2, 3
      on conflict (organization_id, meter, day) do update set value = usage_daily.value + excluded.value
    ), monthly as (
      insert into usage_monthly (organization_id, meter, month, value)
      select organization_id, meter, date_trunc('month', day)::date, sum(value) from ${source} group by 1, 2, 3 order by 1, 2, 3
      on conflict (organization_id, meter, month) do update set value = usage_monthly.value + excluded.value
      returning organization_id, meter, month, value
    )`;
}

/**
 * One statement: stores the events and adds those stored to their organization's meter per UTC day
 * and per month, returning each touched month's new total. The month rows are locked until commit,
 * so a concurrent batch of the same period reads a total that includes this one.
 * `skipKnownKeys` drops events whose key is already stored (even by a concurrent batch); without it a
 * known key fails the statement.
 */
async function insertAndRollUp(db: Db, events: ScreenedEvent[], skipKnownKeys: boolean): Promise<Stored> {
  // One JSON parameter for the whole batch: a short statement for PostgreSQL to parse and plan, and
  // cheaper for node-postgres to send than a parameter per value or an array per column.
  const batch = JSON.stringify(events.map((e, i) => ({ o: e.organizationId, m: e.meter, v: e.value, t: e.timestamp, k: e.idempotencyKey, i })));
  const rows = await rowsOf<{ organization_id: string; meter: Meter; month: string; used: string; inserted: number }>(
    db,
    sql`
      with batch as (
        -- The first event of each key; in key order, the same for every transaction (no deadlocks).
        select distinct on (o, k, m) o, m, v, t, k
        from json_to_recordset(${batch}::json) as e(o text, m text, v numeric, t timestamptz, k text, i int)
        order by o, k, m, i
      ), ins as (
        insert into usage_event (organization_id, meter, value, occurred_at, idempotency_key)
        select o, m, v, t, k from batch
        ${skipKnownKeys ? sql`on conflict do nothing` : sql``}
        returning organization_id, meter, value, (occurred_at at time zone 'UTC')::date as day
      ), ${rollUp(sql`ins`)}
      select organization_id, meter, to_char(month, 'YYYY-MM-DD') as month, value::text as used, (select count(*) from ins)::int as inserted from monthly`,
  );
  return {
    inserted: rows[0]?.inserted ?? 0,
    periods: rows.map((r) => ({ organizationId: r.organization_id, meter: r.meter, periodStart: r.month, used: Number(r.used) })),
  };
}

/**
 * Stores the events whose key is new and rolls them up, exactly once per key. Most batches hold only
 * new keys, so the plain insert is tried first (inside a savepoint); a known key sends the batch down
 * the slower path that skips known keys row by row. The primary key decides either way.
 */
export async function storeAndRollUp(tx: Db, events: ScreenedEvent[]): Promise<Stored> {
  if (events.length === 0) return { inserted: 0, periods: [] };
  try {
    return await tx.transaction((savepoint) => insertAndRollUp(savepoint, events, false));
  } catch (error) {
    if (sqlStateOf(error) !== UNIQUE_VIOLATION) throw error;
    return insertAndRollUp(tx, events, true);
  }
}

/**
 * Adds daily amounts of one organization straight to its rollups, without raw events (demo data and
 * tests), and returns the touched months' new totals.
 */
export async function addToRollups(db: Db, organizationId: string, days: { meter: Meter; day: string; value: number }[]): Promise<PeriodTotal[]> {
  if (days.length === 0) return [];
  const rows = sql.join(days.map((d) => sql`(${organizationId}, ${d.meter}, ${d.day}::date, ${String(d.value)}::numeric)`), sql`, `);
  const totals = await rowsOf<{ meter: Meter; month: string; used: string }>(
    db,
    sql`
      with additions(organization_id, meter, day, value) as (values ${rows}), ${rollUp(sql`additions`)}
      select meter, to_char(month, 'YYYY-MM-DD') as month, value::text as used from monthly`,
  );
  return totals.map((t) => ({ organizationId, meter: t.meter, periodStart: t.month, used: Number(t.used) }));
}
