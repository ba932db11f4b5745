import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, inject, it } from 'vitest';
import { createEmptyPostgresDatabase, createTestDatabase, type TestDatabase } from '../../../tests/support/test-db';
import { organization } from '../tenancy/schema';
import { migrationsFolder } from './migrate';
import { openPglite, openPostgres } from './open';
import type { DatabaseHandle, Db } from './types';

const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] };
const isCI = process.env.CI === 'true' || process.env.CI === '1';
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

/** Both drivers (PGlite and node-postgres) answer raw SQL with `{ rows }`. */
async function query<T>(db: Db, statement: ReturnType<typeof sql>): Promise<T[]> {
  return ((await db.execute(statement)) as { rows: T[] }).rows;
}

async function appliedMigrations(db: Db): Promise<number> {
  const [row] = await query<{ n: number }>(db, sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
  return Number(row!.n);
}

async function schemaShape(db: Db): Promise<string[]> {
  const rows = await query<{ item: string }>(db, sql`
    select 'table ' || table_name as item from information_schema.tables where table_schema = 'public'
    union all select 'trigger ' || tgname from pg_trigger where not tgisinternal
    union all select 'index ' || indexname from pg_indexes where schemaname = 'public'
    order by 1`);
  return rows.map((r) => r.item);
}

/**
 * Runs the migrator again over the same data, as a restarting instance would: PGlite reopens a dump
 * of the database; PostgreSQL connects a second pool to the same database.
 */
async function restartMigrating(current: DatabaseHandle, url: string | undefined): Promise<DatabaseHandle> {
  if (current.kind === 'pglite') {
    const data = await current.dump!();
    await current.close();
    return openPglite({ loadDataDir: data, migrate: true });
  }
  return openPostgres(url!, { migrate: true, max: 2 });
}

describe('migrations', () => {
  it('applying the migrations again to a migrated database is a no-op that keeps the data', async () => {
    const original: TestDatabase = await createTestDatabase();
    let restarted: DatabaseHandle | undefined;
    try {
      expect(journal.entries.length).toBeGreaterThan(0);
      expect(await appliedMigrations(original.db)).toBe(journal.entries.length); // the template: applied once
      const shapeBefore = await schemaShape(original.db);
      await original.db.insert(organization).values({ id: 'org-kept', name: 'Kept across restarts' });

      restarted = await restartMigrating(original, original.url); // applied a second time

      expect(await appliedMigrations(restarted.db)).toBe(journal.entries.length);
      expect(await schemaShape(restarted.db)).toEqual(shapeBefore);
      expect(await restarted.db.select({ name: organization.name }).from(organization)).toEqual([{ name: 'Kept across restarts' }]);
    } finally {
      if (restarted && restarted !== original) await restarted.close();
      await original.close().catch(() => {}); // PGlite: already closed by the restart
    }
  });

  it.runIf(onPostgres)('two instances migrating the same fresh PostgreSQL database at once both succeed (advisory lock)', async () => {
    const fresh = await createEmptyPostgresDatabase();
    const opened: DatabaseHandle[] = [];
    try {
      const results = await Promise.allSettled([1, 2, 3].map(() => openPostgres(fresh.url, { migrate: true, max: 1 })));
      for (const r of results) if (r.status === 'fulfilled') opened.push(r.value);
      expect(results.map((r) => (r.status === 'rejected' ? String(r.reason) : 'ok'))).toEqual(['ok', 'ok', 'ok']);
      expect(await appliedMigrations(opened[0]!.db)).toBe(journal.entries.length);
      expect(await schemaShape(opened[0]!.db)).toContain('trigger audit_log_append_only');
    } finally {
      await Promise.all(opened.map((h) => h.close()));
      await fresh.drop();
    }
  });

  it.runIf(isCI)('CI runs the suite against a real PostgreSQL server', () => {
    expect(process.env.TEST_DATABASE_URL, 'CI=true needs TEST_DATABASE_URL').toBeTruthy();
    expect(inject('testDatabase').kind).toBe('postgres');
  });
});
