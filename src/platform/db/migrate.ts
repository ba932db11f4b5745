import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import type { Pool } from 'pg';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';

export const migrationsFolder = path.join(process.cwd(), 'drizzle');

/** Any fixed 64-bit number, shared by every instance of Deflect on the same database. */
const MIGRATION_LOCK_KEY = 7_265_843_021n;

export async function migratePostgres(pool: Pool): Promise<void> {
  const client = await pool.connect();
  try {
    // Two instances starting together: the second waits here, then finds nothing left to apply.
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY.toString()]);
    try {
      await migratePg(drizzlePg(client), { migrationsFolder });
    } finally {
      await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY.toString()]);
    }
  } finally {
    client.release();
  }
}

/** PGlite is one process's database by construction, so no lock is needed. */
export async function migratePgliteDb(client: PGlite): Promise<void> {
  await migratePglite(drizzlePglite(client), { migrationsFolder });
}
