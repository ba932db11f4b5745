import type { SQL } from 'drizzle-orm';
import type { Db } from './types';

/** Both drivers (PGlite and node-postgres) answer raw SQL with `{ rows }`. */
export async function rowsOf<T>(db: Db, statement: SQL): Promise<T[]> {
  return ((await db.execute(statement)) as unknown as { rows: T[] }).rows;
}
