import { sql, type Param, type SQL } from 'drizzle-orm';
import type { Db } from '@/platform/db/types';

/** Both drivers (PGlite and node-postgres) answer raw SQL with `{ rows }`. */
export async function rowsOf<T>(db: Db, statement: SQL): Promise<T[]> {
  return ((await db.execute(statement)) as unknown as { rows: T[] }).rows;
}

/**
 * One column of `rows` as a single array parameter, for `unnest`: the driver sends the batch as one
 * value per column instead of one parameter per cell.
 */
export function columnParam<R, T>(rows: R[], pick: (row: R) => T): Param<T[]> {
  return sql.param(rows.map(pick));
}
