import { sql, type SQL } from 'drizzle-orm';
import { rowsOfPrepared } from '@/platform/db/prepared';
import type { Db } from '@/platform/db/types';
import type { CustomerSearch } from './inputs';

export const SEARCH_LIMIT = 20;
/** Of the values of one kind that merely hold the query, this many are looked at: type more to narrow. */
export const CANDIDATES_PER_KEY = 200;

export const MATCH_FIELDS = ['id', 'name', 'externalId', 'email', 'stripeCustomerId'] as const;
export type MatchField = (typeof MATCH_FIELDS)[number];

export type CustomerHit = {
  id: string;
  externalId: string | null;
  name: string;
  plan: string;
  stripeCustomerId: string | null;
  members: number;
  /** Support tickets arrive with a later issue; until then there are none to count. */
  openTickets: number;
  /** What the query matched: an exact match ranks first, then a prefix, then anywhere inside. */
  match: { field: MatchField; value: string };
};

type Row = { id: string; external_id: string | null; name: string; plan: string; stripe_customer_id: string | null; members: number; field: MatchField; value: string };

const likeEscaped = (text: string) => text.replace(/[\\%_]/g, '\\$&');

/** The organizations whose `column` is `exact` (case aside), and up to CANDIDATES_PER_KEY whose column is `like`. */
function matchesOf(field: MatchField, from: SQL, column: SQL, exact: string, like: string): SQL {
  return sql`(select organization_id, ${field} as field, ${column} as value from ${from} where ${column} ilike ${exact})
    union all
    (select organization_id, ${field}, ${column} from ${from} where ${column} ilike ${like} limit ${CANDIDATES_PER_KEY})`;
}

const organizations = sql`(select id as organization_id, name, external_id, stripe_customer_id from organization) o`;
const members = sql`(select m.organization_id, u.email from "user" u join membership m on m.user_id = u.id) e`;

/**
 * Organizations whose name, external id, Stripe customer id or a member's email holds the query
 * (one or two characters: starts with it), and the one whose id it is. Every ILIKE is answered by
 * a trigram index (migration 0010) and bounded, so a query that half the customers match costs no
 * more than a precise one; exact matches are looked up apart so that they always rank first.
 */
export async function searchCustomers(db: Db, { q }: CustomerSearch, limit = SEARCH_LIMIT): Promise<CustomerHit[]> {
  if (q === '') return [];
  const lower = q.toLowerCase();
  const exact = likeEscaped(lower);
  const prefix = `${exact}%`;
  const like = q.length < 3 ? prefix : `%${exact}%`;
  const rows = await rowsOfPrepared<Row>(
    db,
    sql`
    with hits as (
      select id as organization_id, 'id' as field, id as value from organization where id = ${q}
      union all ${matchesOf('name', organizations, sql`o.name`, exact, like)}
      union all ${matchesOf('externalId', organizations, sql`o.external_id`, exact, like)}
      union all ${matchesOf('stripeCustomerId', organizations, sql`o.stripe_customer_id`, exact, like)}
      union all ${matchesOf('email', members, sql`e.email`, exact, like)}
    ),
    best as (
      select distinct on (organization_id) organization_id, field, value,
        case when lower(value) = ${lower} then 0 when lower(value) like ${prefix} then 1 else 2 end as rank
      from hits
      order by organization_id, rank, array_position(array['id', 'name', 'externalId', 'stripeCustomerId', 'email'], field)
    )
    select o.id, o.external_id, o.name, o.plan, o.stripe_customer_id, b.field, b.value,
      (select count(*)::int from membership m where m.organization_id = o.id) as members
    from best b join organization o on o.id = b.organization_id
    order by b.rank, lower(o.name), o.id
    limit ${limit}`,
  );
  return rows.map((r) => ({
    id: r.id,
    externalId: r.external_id,
    name: r.name,
    plan: r.plan,
    stripeCustomerId: r.stripe_customer_id,
    members: Number(r.members),
    openTickets: 0,
    match: { field: r.field, value: r.value },
  }));
}
