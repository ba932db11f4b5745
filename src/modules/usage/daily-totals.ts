import Big from 'big.js';
import { meterIds, type Meter } from '@config/usage';
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

type Group = { organizationId: string; meter: Meter; day: number; sum: ExactSum };

export function dailyTotalsOf(events: ScreenedEvent[]): DailyTotals {
  // By organization, then by a number for meter and day: no key string to build per event.
  const byOrganization = new Map<string, Map<number, Group>>();
  const groups: Group[] = [];
  for (const e of events) {
    let ofOrganization = byOrganization.get(e.organizationId);
    if (!ofOrganization) byOrganization.set(e.organizationId, (ofOrganization = new Map()));
    const day = Math.floor(e.occurredAt / DAY_MS);
    const key = day * meterIds.length + meterIds.indexOf(e.meter);
    let group = ofOrganization.get(key);
    if (!group) {
      ofOrganization.set(key, (group = { organizationId: e.organizationId, meter: e.meter, day, sum: new ExactSum() }));
      groups.push(group);
    }
    group.sum.add(e.value);
  }
  return {
    organizationIds: groups.map((g) => g.organizationId),
    meters: groups.map((g) => g.meter),
    days: groups.map((g) => utcDay(new Date(g.day * DAY_MS))),
    values: groups.map((g) => g.sum.toString()),
  };
}
