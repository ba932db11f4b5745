import { formatDateRange } from '@/ui/date';

/** "1 Aug 2026 – 1 Sep 2026", or a dash when the invoice has no period. */
export function formatPeriod(start: string | null, end: string | null): string {
  return start && end ? formatDateRange(start, end) : '—';
}

/** An invoice's name on screen: its number, or its id while it has none. */
export const invoiceName = (invoice: { id: string; number: string | null }) => invoice.number ?? invoice.id;
