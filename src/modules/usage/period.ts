// Calendar arithmetic in UTC on 'YYYY-MM-DD' strings: a day is a UTC day, a billing period a UTC month.

const DAY_MS = 86_400_000;

export type Period = { start: string; end: string };

export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

function parse(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

export function addDays(day: string, days: number): string {
  return utcDay(new Date(parse(day).getTime() + days * DAY_MS));
}

export function addMonths(day: string, months: number): string {
  const d = parse(day);
  return utcDay(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1)));
}

export function monthStart(day: string): string {
  return `${day.slice(0, 7)}-01`;
}

/** The billing period holding `at`: [start, end) as days, end being the first day of the next. */
export function periodOf(at: Date): Period {
  const start = monthStart(utcDay(at));
  return { start, end: addMonths(start, 1) };
}

export function daysBetween(from: string, to: string): number {
  return Math.round((parse(to).getTime() - parse(from).getTime()) / DAY_MS);
}

/** The last `count` UTC days up to and including the day of `at`, oldest first. */
export function lastDays(at: Date, count: number): string[] {
  const today = utcDay(at);
  return Array.from({ length: count }, (_, i) => addDays(today, i - count + 1));
}

/** The first days of the last `count` UTC months up to and including the month of `at`, oldest first. */
export function lastMonths(at: Date, count: number): string[] {
  const current = monthStart(utcDay(at));
  return Array.from({ length: count }, (_, i) => addMonths(current, i - count + 1));
}
