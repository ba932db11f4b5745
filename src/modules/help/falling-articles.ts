import { sql, type SQL } from 'drizzle-orm';
import { rowsOf } from '@/platform/db/rows';
import type { Db } from '@/platform/db/types';

// Articles that help less than they did: each rate over the last 30 days against the 30 days before,
// one statement each over the stored rows. The comparison is done in integers so that a rate exactly
// at the threshold is flagged the same on both drivers.

export const TREND_DAYS = 30;
/** Votes an article needs in each period before its helpful-vote rate is compared. */
export const MIN_VOTES = 5;
/** Contact-form visits that suggested an article, in each period, before its deflection rate is compared. */
export const MIN_SHOWN = 10;
/** A fall of at least this many percentage points flags an article. */
export const MIN_DROP_POINTS = 10;

export const trendDefinitions = {
  helpfulRate: `Helpful-vote rate: of the “Was this helpful?” votes cast or changed on the article in a period, the share that said Yes; compared once it has at least ${MIN_VOTES} votes in each period.`,
  deflectionRate: `Deflection rate: of the contact-form visits in a period that suggested the article, the share that left for it instead of sending a ticket, except those answered “No” to “Did this solve it?”; compared once it was suggested at least ${MIN_SHOWN} times in each period.`,
  drop: `An article is listed when a rate over the last ${TREND_DAYS} days is at least ${MIN_DROP_POINTS} percentage points below the ${TREND_DAYS} days before.`,
};

export type FallingArticle = { id: string; title: string; section: string; locale: string; before: { count: number; hits: number }; now: { count: number; hits: number } };

type Row = { id: string; title: string; section: string; locale: string; before_n: number; before_hits: number; now_n: number; now_hits: number };

function periods(now: Date) {
  const day = 86_400_000;
  const iso = (d: Date) => sql`${d.toISOString()}::timestamptz`;
  return { start: iso(new Date(now.getTime() - 2 * TREND_DAYS * day)), middle: iso(new Date(now.getTime() - TREND_DAYS * day)), end: iso(now) };
}

/** now_hits/now_n ≤ before_hits/before_n − p/100, multiplied out. */
const dropped = sql`100 * now_hits * before_n <= 100 * before_hits * now_n - ${MIN_DROP_POINTS} * now_n * before_n`;

const toArticle = (r: Row): FallingArticle => ({
  id: r.id,
  title: r.title,
  section: r.section,
  locale: r.locale,
  before: { count: Number(r.before_n), hits: Number(r.before_hits) },
  now: { count: Number(r.now_n), hits: Number(r.now_hits) },
});

/**
 * One statement: per article, the rows of `source` (aliased with the article as `a`) in each period, and
 * those of them that are `hit`s; the articles with `min` rows in both periods whose share fell enough.
 */
async function fallen(db: Db, now: Date, { source, at, hit, min }: { source: SQL; at: SQL; hit: SQL; min: number }): Promise<FallingArticle[]> {
  const { start, middle, end } = periods(now);
  const rows = await rowsOf<Row>(db, sql`
    select * from (
      select a.id, a.title, a.section, a.locale,
             count(*) filter (where ${at} < ${middle})::int as before_n,
             count(*) filter (where ${at} < ${middle} and ${hit})::int as before_hits,
             count(*) filter (where ${at} >= ${middle})::int as now_n,
             count(*) filter (where ${at} >= ${middle} and ${hit})::int as now_hits
        ${source}
       where ${at} >= ${start} and ${at} < ${end}
       group by a.id
    ) t
    where before_n >= ${min} and now_n >= ${min} and ${dropped}
    order by before_hits::float8 / before_n - now_hits::float8 / now_n desc, id`);
  return rows.map(toArticle);
}

/** Articles whose helpful-vote rate fell (see `trendDefinitions.helpfulRate`), the largest fall first. */
export function articlesLessHelpful(db: Db, now = new Date()): Promise<FallingArticle[]> {
  return fallen(db, now, { source: sql`from help_votes v join help_articles a on a.id = v.article_id`, at: sql`v.created_at`, hit: sql`v.helpful`, min: MIN_VOTES });
}

/** Articles whose deflection rate fell (see `trendDefinitions.deflectionRate`), the largest fall first. */
export function articlesDeflectingLess(db: Db, now = new Date()): Promise<FallingArticle[]> {
  return fallen(db, now, {
    source: sql`from contact_attempts c
      cross join lateral (select distinct s.id from jsonb_array_elements_text(c.shown -> 'articles') as s(id)) shown
      join help_articles a on a.id = shown.id`,
    at: sql`c.created_at`,
    hit: sql`c.outcome = 'article' and c.outcome_target = a.id and c.solved is not false`,
    min: MIN_SHOWN,
  });
}
