// The measured side of bench/inbox-import.mjs, one process per measurement (spawned with an IPC channel):
//   node --import tsx bench/inbox-import-driver.ts parse <file>
//   node --import tsx bench/inbox-import-driver.ts import <file> <pglite data dir | postgres URL>
// Sets everything up (the database opened and migrated, the audit row written), says `ready`, and on
// `go` reads the file: with csv-parse alone, or through the real import (src/modules/inbox-audit).
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import { eq } from 'drizzle-orm';
import { importAudit } from '../src/modules/inbox-audit/import';
import { inboxAudits } from '../src/modules/inbox-audit/schema';
import { useDatabase } from '../src/platform/db/client';
import { openPglite, openPostgres } from '../src/platform/db/open';

const send = (message: unknown) => new Promise<void>((resolve) => process.send!(message, () => resolve()));
const go = () => new Promise<void>((resolve) => process.once('message', () => resolve()));

async function parseOnly(file: string): Promise<Record<string, unknown>> {
  await send({ ready: true });
  await go();
  const started = performance.now();
  let rows = 0;
  for await (const record of createReadStream(file).pipe(parse({ bom: true, relax_column_count: true }))) if (record) rows++;
  return { ms: performance.now() - started, rows: rows - 1 };
}

async function throughImport(file: string, target: string): Promise<Record<string, unknown>> {
  const handle = target.startsWith('postgres') ? await openPostgres(target) : await openPglite({ dataDir: target });
  useDatabase(handle);
  const auditId = crypto.randomUUID();
  await handle.db.insert(inboxAudits).values({ id: auditId, label: 'bench' });
  await send({ ready: true });
  await go();
  const started = performance.now();
  await importAudit(handle.db, { auditId, file, source: 'auto' });
  const ms = performance.now() - started;
  const [audit] = await handle.db.select().from(inboxAudits).where(eq(inboxAudits.id, auditId));
  await handle.close();
  return { ms, rows: audit!.rows, imported: audit!.imported, invalid: audit!.invalidCount, status: audit!.status, failure: audit!.failure };
}

async function main(): Promise<void> {
  const [mode, file, target] = process.argv.slice(2);
  const result = mode === 'parse' ? await parseOnly(file!) : await throughImport(file!, target!);
  await send({ done: result });
  process.exit(0);
}

void main();
