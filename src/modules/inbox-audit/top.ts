import { sql } from 'drizzle-orm';
import { supportCategories, isSupportCategory } from '@config/support-categories';
import { rowsOf } from '@/platform/db/rows';
import type { Db } from '@/platform/db/types';
import { costOfHours, supportCost, type SupportCost } from '@/platform/config/support-cost';

export const TOP_REASONS = 15;

/** One line of an audit's ranked reasons: `top.csv`, the bar chart and the scope document read it. */
export type TopReason = {
  rank: number;
  category: string;
  label: string;
  tickets: number;
  /** Of all the audit's tickets, 0..1. */
  share: number;
  cumulativeShare: number;
  /** Median hours from a ticket's creation to its close; null when no ticket of the category was closed. */
  medianResolutionHours: number | null;
  /** tickets × median resolution hours × the cost of a support hour, in minor units of `currency`. */
  humanCost: bigint;
  currency: string;
  /** The portal screen that absorbs the reason, or null: it stays with support. */
  portalScreen: string | null;
  absorbable: boolean;
};

type Row = { category: string; tickets: number; total: number; median_hours: number | null };

/** The audit's reasons for contact, most tickets first, the top 15 (ties by category id). */
export async function topReasons(db: Db, auditId: string, cost: SupportCost = supportCost()): Promise<TopReason[]> {
  const rows = await rowsOf<Row>(db, sql`
    select category,
           count(*)::int as tickets,
           sum(count(*)) over ()::int as total,
           percentile_cont(0.5) within group (order by extract(epoch from closed_at - created_at) / 3600)
             filter (where closed_at is not null and created_at is not null and closed_at >= created_at) as median_hours
      from inbox_audit_tickets
     where audit_id = ${auditId}
     group by category
     order by tickets desc, category
     limit ${TOP_REASONS}`);
  let cumulative = 0;
  return rows.map((row, index) => {
    const median = row.median_hours === null ? null : Number(row.median_hours);
    const share = row.tickets / row.total;
    cumulative += row.tickets;
    const screen = isSupportCategory(row.category) ? supportCategories[row.category].screen : null;
    return {
      rank: index + 1,
      category: row.category,
      label: isSupportCategory(row.category) ? supportCategories[row.category].label : row.category,
      tickets: row.tickets,
      share,
      cumulativeShare: cumulative / row.total,
      medianResolutionHours: median,
      humanCost: median === null ? 0n : costOfHours(row.tickets * median, cost),
      currency: cost.currency,
      portalScreen: screen?.path ?? null,
      absorbable: screen !== null,
    };
  });
}
