import { formatDateRange } from '@/ui/date';

const number = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

export const formatNumber = (value: number) => number.format(value);

/** "1 Nov 2026 – 30 Nov 2026": a period given as [start, end) days, shown with its last day. */
export function formatPeriod(period: { start: string; end: string }): string {
  return formatDateRange(period.start, new Date(Date.parse(`${period.end}T00:00:00Z`) - 86_400_000));
}
