import path from 'node:path';
import { getConfig } from '../config';
import { openPglite, openPostgres } from './open';
import type { DatabaseHandle, Db } from './types';

// Next.js bundles instrumentation, route handlers and pages separately; one handle per process
// must therefore live on globalThis, not in a module variable.
const slot = Symbol.for('deflect.database');
type Slot = { opening?: Promise<DatabaseHandle> };
const holder = globalThis as unknown as Record<symbol, Slot | undefined>;
function state(): Slot {
  return (holder[slot] ??= {});
}

function openFromConfig(): Promise<DatabaseHandle> {
  const config = getConfig();
  if (config.DATABASE_URL) return openPostgres(config.DATABASE_URL);
  return openPglite({ dataDir: path.resolve(config.DATA_DIR, 'pglite') });
}

/** Opens the database on first use (never at import time, or `next build` would open it too). */
export function getDatabase(): Promise<DatabaseHandle> {
  const s = state();
  s.opening ??= openFromConfig().catch((error: unknown) => {
    s.opening = undefined;
    throw error;
  });
  return s.opening;
}

export async function getDb(): Promise<Db> {
  return (await getDatabase()).db;
}

/** Points this process at an already-open database (test set-up). */
export function useDatabase(handle: DatabaseHandle): void {
  state().opening = Promise.resolve(handle);
}

export async function closeDb(): Promise<void> {
  const s = state();
  const opening = s.opening;
  s.opening = undefined;
  if (opening) await (await opening).close();
}
