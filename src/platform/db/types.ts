import type { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';

/** A Drizzle handle on PostgreSQL (PGlite or node-postgres), or a transaction on one. */
export type Db = PgDatabase<PgQueryResultHKT>;

export type DatabaseHandle = {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** PostgreSQL only: the connection URL (for connections outside the pool, such as LISTEN). */
  url?: string;
  close(): Promise<void>;
  /** PGlite only: the client itself, for libraries that speak SQL to it directly (the job queue). */
  pglite?: PGlite;
  /** PGlite only: the whole data directory as a tarball, for `openPglite({ loadDataDir })`. */
  dump?: () => Promise<Blob>;
};
