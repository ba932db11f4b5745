import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openPglite, openPostgres } from '../../src/platform/db/open';
import { migrationsFolder } from '../../src/platform/db/migrate';
import { createDatabase, databaseUrl, dropDatabase, withAdmin } from '../support/postgres-admin';
import type { TestDatabaseTemplate } from './context';
import { postgresPrefix, runDataDir, snapshotDir } from './run-paths';

/**
 * Prepares ONE migrated database per run; every test file then starts from a copy of it:
 * - PGlite (default): a data-directory snapshot file, loaded in memory by each test file
 *   (no initdb and no migrations per file). The snapshot is reused by later runs while the
 *   migrations and the PGlite/Drizzle versions are unchanged.
 * - TEST_DATABASE_URL: a migrated template database on that server; each test file gets
 *   `CREATE DATABASE ... TEMPLATE` of it.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const url = process.env.TEST_DATABASE_URL;
  if (process.env.CI === 'true' && !url) {
    throw new Error('CI=true but TEST_DATABASE_URL is not set: CI must run the unit tests against a real PostgreSQL server.');
  }
  fs.mkdirSync(runDataDir, { recursive: true });

  let template: TestDatabaseTemplate;
  let dropTemplate = async () => {};
  if (url) {
    const name = `${postgresPrefix}${process.pid}`;
    await preparePostgresTemplate(url, name);
    template = { kind: 'postgres', adminUrl: url, template: name };
    dropTemplate = () => dropRunDatabases(url, name);
  } else {
    template = { kind: 'pglite', snapshotPath: await preparePgliteSnapshot() };
  }
  project.provide('testDatabase', template);

  return async () => {
    await dropTemplate();
    fs.rmSync(runDataDir, { recursive: true, force: true });
  };
}

function packageVersion(name: string): string {
  const file = path.join(process.cwd(), 'node_modules', name, 'package.json');
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version;
}

/** Changes whenever a migration or the software that applies and stores them changes. */
function snapshotKey(): string {
  const hash = createHash('sha256');
  hash.update(`pglite ${packageVersion('@electric-sql/pglite')} drizzle-orm ${packageVersion('drizzle-orm')}\n`);
  const files = fs.readdirSync(migrationsFolder, { recursive: true, encoding: 'utf8' }).sort();
  for (const file of files) {
    const full = path.join(migrationsFolder, file);
    if (!fs.statSync(full).isFile()) continue;
    hash.update(`${file}\n`);
    hash.update(fs.readFileSync(full));
  }
  return hash.digest('hex').slice(0, 16);
}

async function preparePgliteSnapshot(): Promise<string> {
  const snapshotPath = path.join(snapshotDir, `pglite-migrated-${snapshotKey()}.tar`);
  if (fs.existsSync(snapshotPath)) return snapshotPath;

  fs.mkdirSync(snapshotDir, { recursive: true });
  const handle = await openPglite({ migrate: true });
  try {
    const blob = await handle.dump!();
    const partial = `${snapshotPath}.${process.pid}.partial`;
    fs.writeFileSync(partial, Buffer.from(await blob.arrayBuffer()));
    fs.renameSync(partial, snapshotPath); // atomic: a concurrent run never reads half a file
  } finally {
    await handle.close();
  }
  for (const old of fs.readdirSync(snapshotDir)) {
    const full = path.join(snapshotDir, old);
    if (full !== snapshotPath && /^pglite-migrated-[0-9a-f]+\.tar$/.test(old)) fs.rmSync(full, { force: true });
  }
  return snapshotPath;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function preparePostgresTemplate(serverUrl: string, name: string): Promise<void> {
  await withAdmin(serverUrl, async (client) => {
    // Databases left behind by a run that was killed (its pid is gone).
    const { rows } = await client.query<{ datname: string }>(`select datname from pg_database where datname like $1`, [`${postgresPrefix}%`]);
    for (const { datname } of rows) {
      const pid = Number(/^deflect_test_(\d+)/.exec(datname)?.[1]);
      if (pid && !isAlive(pid)) await dropDatabase(client, datname);
    }
    await dropDatabase(client, name);
    await createDatabase(client, name);
  });
  const handle = await openPostgres(databaseUrl(serverUrl, name), { migrate: true, max: 1 });
  await handle.close();
  // A template nobody can connect to: a stray connection would make every CREATE ... TEMPLATE fail.
  await withAdmin(serverUrl, (client) => client.query(`alter database ${name} with is_template true allow_connections false`));
}

async function dropRunDatabases(serverUrl: string, template: string): Promise<void> {
  await withAdmin(serverUrl, async (client) => {
    const { rows } = await client.query<{ datname: string }>(`select datname from pg_database where datname = $1 or datname like $2`, [template, `${template}\\_%`]);
    for (const { datname } of rows) await dropDatabase(client, datname);
  });
}
