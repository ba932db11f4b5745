import { stringify } from 'csv-stringify/sync';
import type { Db } from '@/platform/db/types';
import { toMajorUnits } from '@/ui/money';
import { allTickets } from './queries';
import type { TopReason } from './top';

const TOP_HEADER = ['rank', 'category', 'tickets', 'share', 'cumulative_share', 'median_resolution_hours', 'human_cost', 'portal_screen', 'absorbable'];

/** The ranked reasons of `top.csv`: shares to four places, hours to two, cost in the currency's major unit. */
export function topCsv(reasons: readonly TopReason[]): string {
  return stringify([
    TOP_HEADER,
    ...reasons.map((r) => [
      r.rank,
      r.category,
      r.tickets,
      r.share.toFixed(4),
      r.cumulativeShare.toFixed(4),
      r.medianResolutionHours === null ? '' : r.medianResolutionHours.toFixed(2),
      toMajorUnits(r.humanCost, r.currency),
      r.portalScreen ?? '',
      String(r.absorbable),
    ]),
  ]);
}

/** `tickets.csv`: every ticket's category, streamed a page at a time. */
export function ticketsCsv(db: Db, auditId: string): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const pages = allTickets(db, auditId);
  let header = true;
  return new ReadableStream({
    async pull(controller) {
      if (header) {
        header = false;
        controller.enqueue(encoder.encode(stringify([['id', 'category', 'confidence', 'subject']])));
      }
      const next = await pages.next();
      if (next.done) return controller.close();
      controller.enqueue(encoder.encode(stringify(next.value.map((t) => [t.id, t.category, t.confidence.toFixed(3), t.subject]), { escape_formulas: true })));
    },
    async cancel() {
      await pages.return(undefined);
    },
  });
}
