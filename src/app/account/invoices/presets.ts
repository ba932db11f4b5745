// The ranges offered as one-click filters, computed on the server in UTC.
export type RangePreset = { id: string; label: string; from: string; to: string };

const dayOf = (date: Date) => date.toISOString().slice(0, 10);
const utc = (year: number, month: number, day = 1) => new Date(Date.UTC(year, month, day));

/** "This quarter", "Last quarter" and "This year" as of `now`, whole calendar periods. */
export function rangePresets(now = new Date()): RangePreset[] {
  const year = now.getUTCFullYear();
  const quarterStart = Math.floor(now.getUTCMonth() / 3) * 3;
  const quarter = (startMonth: number) => ({ from: dayOf(utc(year, startMonth)), to: dayOf(utc(year, startMonth + 3, 0)) });
  return [
    { id: 'this-quarter', label: 'This quarter', ...quarter(quarterStart) },
    { id: 'last-quarter', label: 'Last quarter', ...quarter(quarterStart - 3) },
    { id: 'this-year', label: 'This year', from: dayOf(utc(year, 0)), to: dayOf(utc(year, 11, 31)) },
  ];
}

/** `?from=…&to=…` of a range, its empty ends left out. */
export function rangeQuery(range: { from?: string; to?: string }): string {
  const query = new URLSearchParams();
  if (range.from) query.set('from', range.from);
  if (range.to) query.set('to', range.to);
  const text = query.toString();
  return text ? `?${text}` : '';
}
