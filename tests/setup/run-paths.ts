import os from 'node:os';
import path from 'node:path';

/**
 * Evaluated in the Vitest main process (config and global set-up), so the pid is that of the run:
 * each run gets its own DATA_DIR, created by the global set-up and removed at its end.
 */
export const runDataDir = path.join(os.tmpdir(), `deflect-unit-${process.pid}`);

/** Migrated PGlite snapshots, keyed by the migrations and the library versions that made them. */
export const snapshotDir = path.join(process.cwd(), '.data', 'test');

/** Prefix of every database a run creates on the TEST_DATABASE_URL server: `<prefix><pid>[_<file>]`. */
export const postgresPrefix = 'deflect_test_';
