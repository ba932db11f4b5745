// Dates on the billing and invoice screens, in UTC, written the way the invoices themselves write them.
const day = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** "1 Aug 2026"; accepts an ISO time or a YYYY-MM-DD day. */
export function formatDate(iso: string): string {
  return day.format(new Date(iso));
}

/** "1 Aug 2026 – 1 Sep 2026", or a dash when the invoice has no period. */
export function formatPeriod(start: string | null, end: string | null): string {
  return start && end ? `${formatDate(start)} – ${formatDate(end)}` : '—';
}

/** An invoice's name on screen: its number, or its id while it has none. */
export const invoiceName = (invoice: { id: string; number: string | null }) => invoice.number ?? invoice.id;
