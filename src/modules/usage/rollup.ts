import { sql } from 'drizzle-orm';
import type { Meter } from '@config/usage';
import type { Db } from '@/platform/db/types';
import type { ScreenedEvent } from './screen';
import { rowsOf } from './sql';

export type TouchedDay = { organizationId: string; meter: Meter; day: string };

const keyOf = (e: ScreenedEvent) => `${e.organizationId}\u0000${e.meter}\u0000${e.idempotencyKey}`;

/** The first event of each idempotency key in the batch, in one order for every transaction (no deadlocks). */
export function uniqueSorted(events: ScreenedEvent[]): ScreenedEvent[] {
  const seen = new Map<string, ScreenedEvent>();
  for (const e of events) if (!seen.has(keyOf(e))) seen.set(keyOf(e), e);
  return [...seen.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, e]) => e);
}

/**
 * One statement: keeps the events whose key is new (a key already stored, even by a concurrent
 * batch, is skipped) and adds exactly those to their organization's meter per UTC day.
 */
export async function storeAndRollUp(tx: Db, events: ScreenedEvent[]): Promise<{ inserted: number; touched: TouchedDay[] }> {
  if (events.length === 0) return { inserted: 0, touched: [] };
  // Five array parameters, not five per event: one short statement for PostgreSQL to parse and plan.
  const column = <T>(pick: (e: ScreenedEvent) => T) => sql.param(events.map(pick));
  const rows = await rowsOf<{ organization_id: string; meter: Meter; day: string; inserted: number }>(
    tx,
    sql`
      with ins as (
        insert into usage_event (organization_id, meter, value, occurred_at, idempotency_key)
        select * from unnest(${column((e) => e.organizationId)}::text[], ${column((e) => e.meter)}::text[], ${column((e) => String(e.value))}::numeric[],
                             ${column((e) => e.occurredAt.toISOString())}::timestamptz[], ${column((e) => e.idempotencyKey)}::text[])
        on conflict (organization_id, meter, idempotency_key) do nothing
        returning organization_id, meter, value, occurred_at
      ), roll as (
        insert into usage_daily (organization_id, meter, day, value)
        select organization_id, meter, (occurred_at at time zone 'UTC')::date, sum(value)
        from ins group by 1, 2, 3 order by 1, 2, 3
        on conflict (organization_id, meter, day) do update set value = usage_daily.value + excluded.value
        returning organization_id, meter, day
      )
      select organization_id, meter, to_char(day, 'YYYY-MM-DD') as day, (select count(*) from ins)::int as inserted from roll`,
  );
  return {
    inserted: rows[0]?.inserted ?? 0,
    touched: rows.map((r) => ({ organizationId: r.organization_id, meter: r.meter, day: r.day })),
  };
}
