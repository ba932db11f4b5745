import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '@/platform/db/types';
import { logError } from '@/platform/logging/error-line';
import { importAudit, type ImportJob } from './import';
import { inboxAudits } from './schema';
import { uploadsDir } from './upload';

// The imports this process runs, on globalThis like the database handle (Next's bundles share it).
const slot = Symbol.for('deflect.inbox-audit.imports');
const holder = globalThis as unknown as Record<symbol, Map<string, Promise<void>> | undefined>;
const running = (holder[slot] ??= new Map());

export const abandonedMessage = 'The server stopped while this export was being imported; upload it again.';

/** Starts reading an uploaded export in the background; its file is removed once it is read. */
export function startImport(db: Db, job: ImportJob): void {
  const work = importAudit(db, job)
    .catch((error: unknown) => logError('[inbox-audit] import', error))
    .finally(async () => {
      running.delete(job.auditId);
      await rm(job.file, { force: true });
    });
  running.set(job.auditId, work);
}

/** Resolves once the audit's import, if this process runs one, has ended. */
export function importSettled(auditId: string): Promise<void> {
  return running.get(auditId) ?? Promise.resolve();
}

/** An import whose process has not touched it for this long has died with that process. */
export const STALE_IMPORT_MS = 2 * 60_000;

export function isAbandoned(audit: { status: string; heartbeatAt: Date }, now = Date.now()): boolean {
  return audit.status === 'importing' && now - audit.heartbeatAt.getTime() > STALE_IMPORT_MS;
}

/**
 * At start: an audit whose import stopped beating was left by a stopped process (imports run in the
 * process that received the upload), so it failed, and so did uploads as old. Another instance's
 * import, still beating, is left alone. Listed in src/platform/actions/outside-pipeline.ts.
 */
export async function failAbandonedImports(db: Db): Promise<number> {
  const failed = await db
    .update(inboxAudits)
    .set({ status: 'failed', failure: abandonedMessage, finishedAt: new Date() })
    .where(and(eq(inboxAudits.status, 'importing'), lt(inboxAudits.heartbeatAt, sql`now() - make_interval(secs => ${STALE_IMPORT_MS / 1000})`)))
    .returning({ id: inboxAudits.id });
  const files = await readdir(uploadsDir()).catch(() => [] as string[]);
  await Promise.all(files.map((f) => removeIfOlder(path.join(uploadsDir(), f), Date.now() - STALE_IMPORT_MS)));
  return failed.length;
}

async function removeIfOlder(file: string, before: number): Promise<void> {
  const info = await stat(file).catch(() => null);
  if (info && info.mtimeMs < before) await rm(file, { force: true });
}
