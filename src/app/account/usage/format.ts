const number = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const dayLabel = new Intl.DateTimeFormat('en', { month: 'short', day: 'numeric', timeZone: 'UTC' });
const monthLabel = new Intl.DateTimeFormat('en', { month: 'short', year: 'numeric', timeZone: 'UTC' });
const longDay = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' });

const at = (day: string) => new Date(`${day}T00:00:00Z`);

export const formatNumber = (value: number) => number.format(value);
export const formatDay = (day: string) => dayLabel.format(at(day));
export const formatMonth = (day: string) => monthLabel.format(at(day));

/** "1 Nov 2026 – 30 Nov 2026": a period given as [start, end) days, shown with its last day. */
export function formatPeriod(period: { start: string; end: string }): string {
  return `${longDay.format(at(period.start))} – ${longDay.format(new Date(at(period.end).getTime() - 86_400_000))}`;
}
