import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Pool } from 'pg';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migratePgliteDb, migratePostgres } from './migrate';
import type { DatabaseHandle } from './types';

export async function openPostgres(url: string, options: { migrate?: boolean; max?: number } = {}): Promise<DatabaseHandle> {
  const pool = new Pool({ connectionString: url, max: options.max ?? 10 });
  pool.on('error', (error) => console.error('[db] idle client error:', error.message));
  if (options.migrate !== false) await migratePostgres(pool);
  return { db: drizzlePg(pool), kind: 'postgres', url, close: () => pool.end() };
}

/** `dataDir` undefined keeps the database in memory (tests); `loadDataDir` starts from a snapshot. */
export async function openPglite(options: { dataDir?: string; loadDataDir?: Blob; migrate?: boolean }): Promise<DatabaseHandle> {
  if (options.dataDir) fs.mkdirSync(path.dirname(options.dataDir), { recursive: true });
  // pg_trgm: the staff console's search indexes (migration 0010).
  const client = await PGlite.create({ dataDir: options.dataDir, loadDataDir: options.loadDataDir, extensions: { pg_trgm } });
  if (options.migrate !== false) await migratePgliteDb(client);
  return {
    db: drizzlePglite(client),
    kind: 'pglite',
    pglite: client,
    close: () => client.close(),
    dump: () => client.dumpDataDir('none'),
  };
}
