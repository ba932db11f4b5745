import { repeatContactDays } from '@config/support-categories';
import { sql, type SQL } from 'drizzle-orm';
import { rowsOf } from '@/platform/db/rows';
import type { Db } from '@/platform/db/types';
import type { DeflectionRange } from './inputs';
import { categoryRows, FALLBACK_CATEGORY, selfServiceRows } from './taxonomy';

// The counts behind the figures, each one statement over the stored rows; `figures.ts` divides them.
// A week is 604800 seconds; an organization counts for the part of a period after its creation.

const WEEK_SECONDS = 604_800;
const TOTAL = 'total';

type Bounds = { from: SQL; to: SQL };
const boundsOf = (range: DeflectionRange): Bounds => ({ from: sql`${range.from.toISOString()}::timestamptz`, to: sql`${range.to.toISOString()}::timestamptz` });

const categoriesTable = sql`jsonb_to_recordset(${JSON.stringify(categoryRows)}::jsonb) as c(id text, ord int, path text, section text)`;

/** A category column mapped onto the taxonomy: missing or unknown ones count as the fallback. */
const known = (column: SQL) => sql`case when ${column} in (select id from ${categoriesTable}) then ${column} else ${FALLBACK_CATEGORY}::text end`;

/** Each imported help desk ticket once (by its help desk id; the newest finished audit's copy wins). */
const auditTickets = sql`
  select distinct on (t.external_id) t.category, t.created_at, t.closed_at
    from inbox_audit_tickets t
    join inbox_audits a on a.id = t.audit_id
   where a.status = 'ready'
   order by t.external_id, a.created_at desc, a.id desc`;

/** Every ticket created in range: imported ones, and the portal's and the host's. */
const contactsInRange = ({ from, to }: Bounds) => sql`
  select ${known(sql`category`)} as category, created_at from (${auditTickets}) imported where created_at >= ${from} and created_at < ${to}
  union all
  select ${known(sql`category`)}, created_at from tickets where created_at >= ${from} and created_at < ${to}`;

/**
 * The organizations existing by the end of the range, as (since, how many): all created before it
 * start together at `from`, so the joins below grow only with those created within the range.
 */
const organizationsSince = ({ from, to }: Bounds) => sql`
  (select greatest(created_at, ${from}) as since, count(*)::int as n from organization where created_at < ${to} group by 1) o`;

/** Organization-weeks of `[start, end)`: each organization counts from its creation on. */
const orgWeeks = (start: SQL, end: SQL) => sql`coalesce(sum(o.n * greatest(0, extract(epoch from ${end} - greatest(${start}, o.since))::float8)), 0) / ${WEEK_SECONDS}`;

const beforeAndAfter = sql`count(k.created_at) filter (where k.created_at < s.split)::int as tickets_before,
  count(k.created_at) filter (where k.created_at >= s.split)::int as tickets_after`;

export type SideRow = {
  id: string;
  launched_at: Date | string | null;
  tickets_before: number;
  tickets_after: number;
  weeks_before: number;
  weeks_after: number;
  org_weeks_before: number;
  org_weeks_after: number;
};

/**
 * Per category (and `total`): tickets before and after the launch of its screen's section, the weeks
 * of each side and its organization-weeks. The total splits at the first launch of any section.
 */
export function sides(db: Db, range: DeflectionRange): Promise<SideRow[]> {
  const b = boundsOf(range);
  return rowsOf<SideRow>(db, sql`
    with launch as (
      select c.id, r.launched_at from ${categoriesTable} left join section_rollouts r on r.section = c.section
    ), split as (
      select id, launched_at, least(${b.to}, greatest(${b.from}, coalesce(launched_at, ${b.to}))) as split from launch
      union all
      select ${TOTAL}::text, min(launched_at), least(${b.to}, greatest(${b.from}, coalesce(min(launched_at), ${b.to}))) from launch
    ), contacts as (${contactsInRange(b)}
    ), counts as (
      select s.id, ${beforeAndAfter} from split s left join contacts k on k.category = s.id where s.id <> ${TOTAL} group by s.id
      union all
      select s.id, ${beforeAndAfter} from split s left join contacts k on true where s.id = ${TOTAL} group by s.id
    ), exposure as (
      select s.id, ${orgWeeks(b.from, sql`s.split`)} as org_weeks_before, ${orgWeeks(sql`s.split`, b.to)} as org_weeks_after
        from split s left join ${organizationsSince(b)} on true
       group by s.id
    )
    select s.id, s.launched_at, n.tickets_before, n.tickets_after,
           extract(epoch from s.split - ${b.from})::float8 / ${WEEK_SECONDS} as weeks_before,
           extract(epoch from ${b.to} - s.split)::float8 / ${WEEK_SECONDS} as weeks_after,
           e.org_weeks_before, e.org_weeks_after
      from split s join counts n using (id) join exposure e using (id)`);
}

export type WeekRow = { week: number; start: Date | string; org_weeks: number; category: string | null; tickets: number };

/** Tickets per category in each week of the range (weeks counted from `from`; the last may be short), with its organization-weeks. */
export function weeks(db: Db, range: DeflectionRange): Promise<WeekRow[]> {
  const b = boundsOf(range);
  return rowsOf<WeekRow>(db, sql`
    with w as (
      select i as week, ${b.from} + i * interval '7 days' as start, least(${b.to}, ${b.from} + (i + 1) * interval '7 days') as "end"
        from generate_series(0, ceil(extract(epoch from ${b.to} - ${b.from}) / ${WEEK_SECONDS})::int - 1) i
    ), joined as (
      select floor(extract(epoch from o.since - ${b.from}) / ${WEEK_SECONDS})::int as week, sum(o.n)::float8 as n, sum(o.n * extract(epoch from o.since))::float8 as since_sum
        from ${organizationsSince(b)} group by 1
    ), exposure as (
      -- Organizations of earlier weeks count for the whole week, those that joined in it from their creation on.
      select w.week, w.start,
             (coalesce(sum(j.n) filter (where j.week < w.week), 0) * extract(epoch from w."end" - w.start)::float8
              + coalesce(sum(j.n * extract(epoch from w."end")::float8 - j.since_sum) filter (where j.week = w.week), 0)) / ${WEEK_SECONDS} as org_weeks
        from w left join joined j on j.week <= w.week
       group by w.week, w.start, w."end"
    ), counts as (
      select floor(extract(epoch from created_at - ${b.from}) / ${WEEK_SECONDS})::int as week, category, count(*)::int as tickets
        from (${contactsInRange(b)}) k group by 1, 2
    )
    select e.week, e.start, e.org_weeks, n.category, coalesce(n.tickets, 0) as tickets
      from exposure e left join counts n using (week)
     order by e.week, n.category`);
}

export type AttemptRow = {
  category: string | null;
  point_of_contact: number;
  failed_deflections: number;
  holdout_attempts: number;
  holdout_tickets: number;
  treated_attempts: number;
  treated_tickets: number;
  abandoned: number;
};

/**
 * Contact attempts started in range, per category (a null category is the total). An attempt that
 * left for a screen counts for the category of that screen, one that left for an article for a
 * category in the article's section (its own first), else for the attempt's own category.
 * One that left for a suggestion failed when answered "No", or when its organization filed a ticket
 * in that category within `repeatDays` of leaving; a failed one counts as a ticket on its side.
 */
export function attempts(db: Db, range: DeflectionRange, repeatDays: number = repeatContactDays): Promise<AttemptRow[]> {
  const b = boundsOf(range);
  return rowsOf<AttemptRow>(db, sql`
    with a as (
      select a.holdout, a.outcome, a.solved, a.organization_id, coalesce(a.resolved_at, a.created_at) as left_at,
             coalesce(
               case when a.outcome = 'screen' then (select c.id from ${categoriesTable} where c.path = a.outcome_target order by c.ord limit 1)
                    when a.outcome = 'article' then (select c.id from ${categoriesTable} join help_articles h on h.section = c.section
                                                     where h.id = a.outcome_target order by coalesce(c.id = a.category, false) desc, c.ord limit 1)
               end,
               ${known(sql`a.category`)}) as category
        from contact_attempts a
       where a.created_at >= ${b.from} and a.created_at < ${b.to}
    ), judged as (
      select a.holdout, a.outcome, a.category, a.outcome in ('screen', 'article') as deflected,
             a.outcome in ('screen', 'article') and (a.solved is false or exists (
               select 1 from tickets t
                where t.organization_id = a.organization_id and ${known(sql`t.category`)} = a.category
                  and t.created_at > a.left_at and t.created_at <= a.left_at + ${repeatDays}::int * interval '1 day')) as failed
        from a
    )
    select case when grouping(category) = 0 then category end as category,
           count(*) filter (where deflected and not failed)::int as point_of_contact,
           count(*) filter (where failed)::int as failed_deflections,
           count(*) filter (where holdout)::int as holdout_attempts,
           count(*) filter (where holdout and (outcome = 'ticket' or failed))::int as holdout_tickets,
           count(*) filter (where not holdout)::int as treated_attempts,
           count(*) filter (where not holdout and (outcome = 'ticket' or failed))::int as treated_tickets,
           count(*) filter (where outcome is null)::int as abandoned
      from judged group by grouping sets ((category), ())`);
}

export type CountRow = { category: string | null; n: number };

/** Audit rows of the taxonomy's self-service actions done by customers in range, per category (a null category is the total, each row once). */
export function selfService(db: Db, range: DeflectionRange): Promise<CountRow[]> {
  const b = boundsOf(range);
  return rowsOf<CountRow>(db, sql`
    select case when grouping(s.category) = 0 then s.category end as category, count(distinct l.id)::int as n
      from audit_log l
      join jsonb_to_recordset(${JSON.stringify(selfServiceRows)}::jsonb) as s(category text, action text) on s.action = l.action
     where l.actor_type = 'user' and l.created_at >= ${b.from} and l.created_at < ${b.to}
     group by grouping sets ((s.category), ())`);
}

export type AutoAnswerRow = { category: string | null; solved: number; reopened: number };

/**
 * Tickets created in range with an auto-answer: solved by the customer from it (never dismissed, no
 * staff reply), or reopened (the auto-answer dismissed, by the button or by a customer reply).
 */
export function autoAnswered(db: Db, range: DeflectionRange): Promise<AutoAnswerRow[]> {
  const b = boundsOf(range);
  return rowsOf<AutoAnswerRow>(db, sql`
    select case when grouping(category) = 0 then category end as category,
           count(*) filter (where status = 'solved' and not dismissed and not staff_replied)::int as solved,
           count(*) filter (where dismissed)::int as reopened
      from (select ${known(sql`t.category`)} as category, t.status,
                   bool_or(m.dismissed_at is not null) as dismissed,
                   exists (select 1 from ticket_messages s where s.ticket_id = t.id and s.author_type = 'staff' and not s.internal) as staff_replied
              from tickets t join ticket_messages m on m.ticket_id = t.id and m.author_type = 'auto'
             where t.created_at >= ${b.from} and t.created_at < ${b.to}
             group by t.id) answered
     group by grouping sets ((category), ())`);
}

export type MedianRow = { category: string | null; median_hours: number | null };

/** The median hours from creation to close of each category's imported tickets, of every finished audit. */
export function medianResolutionHours(db: Db): Promise<MedianRow[]> {
  return rowsOf<MedianRow>(db, sql`
    select case when grouping(category) = 0 then category end as category,
           percentile_cont(0.5) within group (order by extract(epoch from closed_at - created_at)::float8 / 3600) as median_hours
      from (select ${known(sql`category`)} as category, created_at, closed_at from (${auditTickets}) imported
             where closed_at is not null and created_at is not null and closed_at >= created_at) closed
     group by grouping sets ((category), ())`);
}
