import type { PGlite } from '@electric-sql/pglite';
import PgBoss from 'pg-boss';
import type { DatabaseHandle, Db } from '../db/types';

type SqlRunner = { query(text: string, values?: unknown[]): Promise<{ rows: unknown[] }> };

/**
 * pg-boss on PGlite: its migrations are multi-statement strings, which only `exec` accepts (and only
 * without parameters); everything else goes to `query`.
 */
function pgliteAdapter(client: PGlite): PgBoss.Db {
  return {
    async executeSql(text, values) {
      if (values === undefined || values.length === 0) {
        const results = await client.exec(text);
        return { rows: results.at(-1)?.rows ?? [] };
      }
      return client.query(text, values);
    },
  };
}

/**
 * pg-boss inside a Drizzle transaction (`{ db: inTransaction(tx) }`): the job commits or rolls back
 * with the transaction. Drizzle keeps the connection (node-postgres' client, PGlite's transaction)
 * on the transaction's session; PGlite has one connection, so a call without it would wait forever.
 */
export function inTransaction(tx: Db): PgBoss.Db {
  const client = (tx as unknown as { session?: { client?: SqlRunner } }).session?.client;
  if (!client || typeof client.query !== 'function') throw new Error('inTransaction(): not a Drizzle transaction on node-postgres or PGlite');
  return { executeSql: (text, values) => client.query(text, values) as Promise<{ rows: never[] }> };
}

export type BossTiming = {
  /** How often expired jobs are retried and old ones archived. */
  maintenanceIntervalSeconds?: number;
};

/** A pg-boss on the portal's database: its own small pool on PostgreSQL, the process's client on PGlite. */
export function createBoss(handle: DatabaseHandle, timing: BossTiming = {}): PgBoss {
  const common = { schedule: false, maintenanceIntervalSeconds: timing.maintenanceIntervalSeconds ?? 30 };
  if (handle.kind === 'pglite') {
    if (!handle.pglite) throw new Error('createBoss(): the PGlite handle has no client');
    return new PgBoss({ ...common, db: pgliteAdapter(handle.pglite) });
  }
  return new PgBoss({ ...common, connectionString: handle.url, max: 4 });
}
