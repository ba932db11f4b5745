import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { afterAll, describe, expect, it } from 'vitest';
import { migrationsFolder } from '@/platform/db/migrate';

// Migration 0006 on a database that already holds usage: the month rows are built from the day rows,
// and the stored events keep their keys under the new primary key.

const BEFORE = '0006_usage_ingest_keys';
const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] };

/** The migrations folder as it was before `tag`: its journal cut there, the SQL files alongside. */
function folderBefore(tag: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deflect-migrations-'));
  fs.mkdirSync(path.join(dir, 'meta'));
  const entries = journal.entries.slice(0, journal.entries.findIndex((e) => e.tag === tag));
  fs.writeFileSync(path.join(dir, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }));
  for (const e of entries) fs.copyFileSync(path.join(migrationsFolder, `${e.tag}.sql`), path.join(dir, `${e.tag}.sql`));
  return dir;
}

const client = new PGlite();
const older = folderBefore(BEFORE);
afterAll(async () => {
  await client.close();
  fs.rmSync(older, { recursive: true, force: true });
});

describe(`migration ${BEFORE}`, () => {
  // A fresh PGlite migrated twice from nothing: seconds alone, several times that on a busy machine.
  it('builds the month totals from the days, keeps the events and their exactly-once keys, and deletes them with the organization', { timeout: 60_000 }, async () => {
    const db = drizzle(client);
    await migrate(db, { migrationsFolder: older });
    await client.exec(`
      insert into organization (id, name) values ('org-a', 'A'), ('org-b', 'B');
      insert into usage_event (organization_id, meter, value, occurred_at, idempotency_key) values
        ('org-a', 'api_calls', 5, '2026-02-28T12:00:00Z', 'k1'), ('org-a', 'api_calls', 7, '2026-03-01T12:00:00Z', 'k2'), ('org-b', 'api_calls', 1, '2026-03-01T12:00:00Z', 'k1');
      insert into usage_daily (organization_id, meter, day, value) values
        ('org-a', 'api_calls', '2026-02-27', 10), ('org-a', 'api_calls', '2026-02-28', 5), ('org-a', 'api_calls', '2026-03-01', 7), ('org-b', 'storage_gb', '2026-03-02', 0.25);`);

    await migrate(db, { migrationsFolder });

    const months = await client.query(`select organization_id, meter, to_char(month, 'YYYY-MM-DD') as month, value::text from usage_monthly order by 1, 2, 3`);
    expect(months.rows).toEqual([
      { organization_id: 'org-a', meter: 'api_calls', month: '2026-02-01', value: '15' },
      { organization_id: 'org-a', meter: 'api_calls', month: '2026-03-01', value: '7' },
      { organization_id: 'org-b', meter: 'storage_gb', month: '2026-03-01', value: '0.25' },
    ]);
    expect((await client.query(`select count(*)::int as n from usage_event`)).rows).toEqual([{ n: 3 }]);
    await expect(client.query(`insert into usage_event (organization_id, meter, value, occurred_at, idempotency_key) values ('org-a', 'api_calls', 1, now(), 'k1')`)).rejects.toThrow(/duplicate key/);

    await client.query(`delete from organization where id = 'org-a'`);
    expect((await client.query(`select organization_id from usage_event union all select organization_id from usage_monthly`)).rows).toEqual([
      { organization_id: 'org-b' },
      { organization_id: 'org-b' },
    ]);
  });
});
