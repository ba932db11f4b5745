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

async function appliedMigrations(db: Db): Promise<number> {
  const result = await db.execute<{ n: number }>(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
  return Number(result.rows[0]!.n);
}

async function schemaShape(db: Db): Promise<string[]> {
  const result = await db.execute<{ item: string }>(sql`
    select 'table ' || table_name as item from information_schema.tables where table_schema = 'public'
    union all select 'trigger ' || tgname from pg_trigger where not tgisinternal
    union all select 'index ' || indexname from pg_indexes where schemaname = 'public'
    order by 1`);
  return result.rows.map((r) => r.item);
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
  it('the test template has every migration of the journal applied', async () => {
    const handle = await createTestDatabase();
    try {
      expect(journal.entries.length).toBeGreaterThan(0);
      expect(await appliedMigrations(handle.db)).toBe(journal.entries.length);
    } finally {
      await handle.close();
    }
  });

  it('applying the migrations again to a migrated database is a no-op that keeps the data', async () => {
    const original: TestDatabase = await createTestDatabase();
    const opened: DatabaseHandle[] = [];
    let current: DatabaseHandle = original;
    try {
      const shapeBefore = await schemaShape(original.db);
      await original.db.insert(organization).values({ id: 'org-kept', name: 'Kept across restarts' });

      for (const _restart of [1, 2]) {
        const next = await restartMigrating(current, original.url);
        if (next.kind === 'pglite') current = next;
        else opened.push(next);
        expect(await appliedMigrations(next.db)).toBe(journal.entries.length);
        expect(await schemaShape(next.db)).toEqual(shapeBefore);
        expect(await next.db.select({ name: organization.name }).from(organization)).toEqual([{ name: 'Kept across restarts' }]);
      }
    } finally {
      await Promise.all(opened.map((h) => h.close()));
      await current.close();
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
