// Calendar arithmetic in UTC on 'YYYY-MM-DD' strings: a day is a UTC day, a billing period a UTC month.
// Epoch milliseconds and plain numbers rather than Date instances where possible: inside Next.js,
// whose Date is a wrapper, every instance is costly, and a page or chart asks for dozens.

const DAY_MS = 86_400_000;

export type Period = { start: string; end: string };

export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** Midnight UTC of a day, in epoch milliseconds. */
function epochMs(day: string): number {
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
}

export function addDays(day: string, days: number): string {
  return utcDay(new Date(epochMs(day) + days * DAY_MS));
}

/** The first day of the month `months` after (or before) the month of `day`. */
export function addMonths(day: string, months: number): string {
  const index = Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1 + months;
  const month = (index % 12) + 1;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-01`;
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
  return Math.round((epochMs(to) - epochMs(from)) / DAY_MS);
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
