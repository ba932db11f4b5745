import { sql } from 'drizzle-orm';
import type { Db } from '@/platform/db/types';

export type ArticleSuggestion = { id: string; slug: string; title: string; section: string; snippet: string };

const MAX_ARTICLES = 5;
const MAX_QUERY_CHARS = 500;

/**
 * Markdown to the plain words of a snippet: a snippet is text, never markup (the page renders it as
 * text, and a `<script>` in an article's body stays a few harmless characters).
 */
export function plainSnippet(markdown: string): string {
  return markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]*>/g, ' ')
    .replace(/[#*_`>~|[\]]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Published help articles in the reader's locale that share words with what the customer writes, best
 * first, in one statement. Any word counts (the message is prose, not a search box): the parsed query's
 * terms are joined with OR, and ts_rank orders them. The snippet is computed for the few rows returned.
 */
export async function suggestArticles(db: Db, text: string, locale: string): Promise<ArticleSuggestion[]> {
  const words = text.slice(0, MAX_QUERY_CHARS);
  if (!/[\p{L}\p{N}]/u.test(words)) return [];
  const result = await db.execute(sql`
    with q as (select replace(plainto_tsquery('english', ${words})::text, '&', '|')::tsquery as query)
    select a.id, a.slug, a.title, a.section,
      ts_headline('english', a.body, q.query, 'StartSel="", StopSel="", MaxWords=28, MinWords=10, MaxFragments=1') as snippet
    from (
      select id, slug, title, section, body, ts_rank(search, q.query) as rank
      from help_articles, q
      where published and locale = ${locale} and search @@ q.query
      order by rank desc, id
      limit ${MAX_ARTICLES}
    ) a, q
    order by a.rank desc, a.id`);
  const rows = (result as unknown as { rows: ArticleSuggestion[] }).rows;
  return rows.map((row) => ({ id: row.id, slug: row.slug, title: row.title, section: row.section, snippet: plainSnippet(row.snippet) }));
}
