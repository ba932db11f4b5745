import { createHash } from 'node:crypto';
import type { SQLWrapper } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Db } from './types';

// open.ts creates both handles with Drizzle's defaults (no casing), so this dialect renders as theirs do.
const dialect = new PgDialect();
const names = new Map<string, string>();

/** A name per statement text: the same text always gets the same name, another text another. */
function nameOf(text: string): string {
  let name = names.get(text);
  if (name === undefined) names.set(text, (name = `deflect_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`));
  return name;
}

/**
 * Runs `statement` (raw SQL or a query builder) as a named prepared statement and returns its raw
 * rows: each connection parses and plans it once instead of on every call. Only for statements
 * whose text never varies (arrays as one parameter each, see usage/sql.ts `arrayParam`): every
 * distinct text stays prepared on every connection for good. PGlite runs it as any other statement.
 */
export async function rowsOfPrepared<T>(db: Db, statement: SQLWrapper): Promise<T[]> {
  const query = dialect.sqlToQuery(statement.getSQL());
  const result = await db._.session.prepareQuery(query, undefined, nameOf(query.sql), false).execute();
  return (result as unknown as { rows: T[] }).rows;
}
