import { sql, type AnyColumn, type SQL } from 'drizzle-orm';

/**
 * Where a newest-first page of rows ordered by (time, key) continues: the rows strictly older than
 * `at`, plus those at `at` itself: none, all, or those whose key sorts `below` the given one.
 * Times are ISO strings with microseconds (`timeText`), exactly as PostgreSQL stores them, so equal
 * times stay equal and a cursor never skips the rows that share its millisecond.
 */
export type Keyset = { at: string; sameAt: 'none' | 'all' | { below: string } };

/** A timestamptz column as a fixed-width ISO string with microseconds: ordering it as text orders the times. */
export function timeText(column: AnyColumn): SQL<string> {
  return sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

/** The rows after `bound` in the newest-first order of (`time`, `key`); `key` compares as text in the "C" collation. */
export function olderThan(time: AnyColumn, key: SQL, bound: Keyset | undefined): SQL | undefined {
  if (!bound) return undefined;
  const at = sql`${bound.at}::timestamptz`;
  if (bound.sameAt === 'none') return sql`${time} < ${at}`;
  if (bound.sameAt === 'all') return sql`${time} <= ${at}`;
  return sql`(${time} < ${at} or (${time} = ${at} and ${key} collate "C" < ${bound.sameAt.below}))`;
}
