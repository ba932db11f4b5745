import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';

/** A Drizzle handle on PostgreSQL (PGlite or node-postgres), or a transaction on one. */
export type Db = PgDatabase<PgQueryResultHKT>;

export type DatabaseHandle = {
  db: Db;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
  /** PGlite only: the whole data directory as a tarball, for `openPglite({ loadDataDir })`. */
  dump?: () => Promise<Blob>;
};
