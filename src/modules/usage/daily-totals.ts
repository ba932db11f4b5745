import Big from 'big.js';
import type { Meter } from '@config/usage';
import { utcDay } from './period';
import type { ScreenedEvent } from './screen';

const DAY_MS = 86_400_000;

/**
 * An exact sum of the values as PostgreSQL's numeric adds them (each value as its shortest decimal
 * string): plain addition while every term and the total are safe integers, decimal arithmetic after.
 */
class ExactSum {
  private whole = 0;
  private decimal: Big | null = null;

  add(value: number): void {
    if (this.decimal === null && Number.isInteger(value) && Number.isSafeInteger(this.whole + value)) this.whole += value;
    else this.decimal = (this.decimal ?? new Big(this.whole)).plus(value);
  }

  toString(): string {
    return this.decimal === null ? String(this.whole) : this.decimal.toFixed();
  }
}

/** Per organization, meter and UTC day ('YYYY-MM-DD'): the sum of the events (a decimal string), as parallel columns. */
export type DailyTotals = { organizationIds: string[]; meters: Meter[]; days: string[]; values: string[] };

export function dailyTotalsOf(events: ScreenedEvent[]): DailyTotals {
  const groups = new Map<string, { organizationId: string; meter: Meter; day: number; sum: ExactSum }>();
  for (const e of events) {
    const day = Math.floor(e.occurredAt / DAY_MS);
    const key = `${e.organizationId}\u0000${e.meter}\u0000${day}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { organizationId: e.organizationId, meter: e.meter, day, sum: new ExactSum() }));
    group.sum.add(e.value);
  }
  const totals: DailyTotals = { organizationIds: [], meters: [], days: [], values: [] };
  for (const g of groups.values()) {
    totals.organizationIds.push(g.organizationId);
    totals.meters.push(g.meter);
    totals.days.push(utcDay(new Date(g.day * DAY_MS)));
    totals.values.push(g.sum.toString());
  }
  return totals;
}
