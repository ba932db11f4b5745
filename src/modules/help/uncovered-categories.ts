import { sql } from 'drizzle-orm';
import { supportCategories, supportCategoryIds, type SupportCategoryId } from '@config/support-categories';
import { rowsOf } from '@/platform/db/rows';
import type { Db } from '@/platform/db/types';
import { sectionOfCategory } from './ticket-draft';

export const UNCOVERED_DAYS = 30;
/** Tickets of a category in the last 30 days from which its missing article is worth writing. */
export const MANY_TICKETS = 5;

export const uncoveredDefinition = `Categories with at least ${MANY_TICKETS} portal or host tickets created in the last ${UNCOVERED_DAYS} days and no published article (in any locale) in the portal section of the category’s screen. A category without a screen counts as covered by a published Support-section article that mentions one of its phrases (full-text search).`;

export type UncoveredCategory = { category: SupportCategoryId; label: string; section: string; screenless: boolean; tickets: number };

/** A category as the statement reads it; a screenless one carries its phrases as a web-search query. */
const categoriesTable = sql`jsonb_to_recordset(${JSON.stringify(
  supportCategoryIds.map((id) => {
    const screenless = supportCategories[id].screen === null;
    const phrases = supportCategories[id].phrases.map((p) => `"${p.replace(/"/g, '')}"`).join(' or ');
    return { id, section: sectionOfCategory(id), phrases: screenless ? phrases : null };
  }),
)}::jsonb) as c(id text, section text, phrases text)`;

/** Categories customers write in about often with no article to read first (see `uncoveredDefinition`), the most tickets first. */
export async function uncoveredCategories(db: Db, now = new Date()): Promise<UncoveredCategory[]> {
  const since = sql`${new Date(now.getTime() - UNCOVERED_DAYS * 86_400_000).toISOString()}::timestamptz`;
  const rows = await rowsOf<{ id: SupportCategoryId; section: string; screenless: boolean; tickets: number }>(db, sql`
    select c.id, c.section, c.phrases is not null as screenless, count(t.id)::int as tickets
      from ${categoriesTable}
      join tickets t on t.category = c.id and t.created_at >= ${since} and t.created_at < ${now.toISOString()}::timestamptz
     where not exists (
             select 1 from help_articles a
              where a.published and a.section = c.section
                and (c.phrases is null or a.search @@ websearch_to_tsquery('english', c.phrases)))
     group by c.id, c.section, c.phrases
    having count(t.id) >= ${MANY_TICKETS}
     order by tickets desc, c.id`);
  return rows.map((r) => ({ category: r.id, label: supportCategories[r.id].label, section: r.section, screenless: r.screenless, tickets: Number(r.tickets) }));
}
