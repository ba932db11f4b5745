import { isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { parse, type Options } from 'csv-parse';
import { eq, sql } from 'drizzle-orm';
import { rowsOf } from '@/platform/db/rows';
import type { Db } from '@/platform/db/types';
import { logError } from '@/platform/logging/error-line';
import { adapterOf, detectAdapter, rowReader, type Adapter, type InboxSource, type RawTicket } from './adapters';
import { ticketText, trainClassifier, type TicketClassifier } from './classifier';
import { RecordSplitter } from './records';
import { RowReport } from './report';
import { inboxAuditCorrections, inboxAudits, type inboxAuditTickets } from './schema';
import { parseExportTime } from './times';

/** The start of a ticket's text that is stored and classified; a longer body is cut and reported. */
export const BODY_KEPT = 16 * 1024;
const SUBJECT_KEPT = 1000;
const BATCH = 1000;

export type ImportJob = { auditId: string; file: string; source: InboxSource | 'auto' };

/** A reason the whole import stops, in words for the console. */
export class ImportFailure extends Error {}

export const noHeaderMessage =
  'The file has no recognisable header: expected the export of Zendesk, Help Scout, Freshdesk or Intercom, or a CSV with the columns id,subject,body,created_at,closed_at,tags.';

type Ticket = typeof inboxAuditTickets.$inferInsert;
type Stored = Pick<Ticket, 'externalId' | 'line'> & { subject: string; body: string; tags: string; createdAt: Date | null; closedAt: Date | null };
type Parsed = { line: number; fields: Buffer[] };

/** The staff's corrections: the category of each corrected ticket, and a classifier taught by them. */
async function correctionsOf(db: Db): Promise<{ byId: Map<string, string>; classifier: TicketClassifier }> {
  const rows = await db.select().from(inboxAuditCorrections);
  const examples = rows.map((r) => ({ text: ticketText(r), category: r.category as never }));
  return { byId: new Map(rows.map((r) => [r.externalId, r.category])), classifier: trainClassifier(examples) };
}

const clean = (text: string, max: number) => (text.includes('\u0000') ? text.replaceAll('\u0000', '') : text).slice(0, max);

/** The header's adapter: the one asked for, or the one whose signature the header has. */
export function adapterForHeader(header: readonly string[], source: InboxSource | 'auto'): Adapter {
  const adapter = source === 'auto' ? detectAdapter(header) : adapterOf(source);
  if (!adapter) throw new ImportFailure(noHeaderMessage);
  if (!rowReader(adapter, header)) throw new ImportFailure(`The header has no ${adapter.label} ticket id column (${adapter.columns.id.join(' or ')}).`);
  return adapter;
}

/**
 * Reads an uploaded export into the audit's tickets, streaming: a batch of rows at a time is tagged
 * and inserted, and the audit's progress written after each batch. Bad rows are reported, never fatal;
 * only an unreadable header fails the audit. Its writes are listed in
 * src/platform/actions/outside-pipeline.ts: the background work of the audited upload.
 */
export async function importAudit(db: Db, job: ImportJob): Promise<void> {
  let lastLine = 0;
  try {
    await readExport(db, job, (line) => (lastLine = line));
  } catch (error) {
    const reason = error instanceof ImportFailure ? error.message : `The import stopped on an unexpected error after line ${lastLine}; upload the file again.`;
    if (!(error instanceof ImportFailure)) logError('[inbox-audit] import', error);
    await db.update(inboxAudits).set({ status: 'failed', failure: reason, finishedAt: new Date() }).where(eq(inboxAudits.id, job.auditId));
  }
}

async function readExport(db: Db, job: ImportJob, reached: (line: number) => void): Promise<void> {
  const report = new RowReport();
  const { byId, classifier } = await correctionsOf(db);
  const input = createReadStream(job.file);
  const splitter = new RecordSplitter((line) => report.add(line, 'Unterminated quote: the row was skipped and the lines after it read again.'));
  const options: Options<Parsed, Buffer[]> = {
    encoding: null, // fields as bytes: invalid UTF-8 is found per row, not replaced
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_records_with_error: true,
    on_record: (fields): Parsed => ({ line: splitter.starts.shift() ?? 0, fields }),
  };
  const parser = parse(options as unknown as Options); // its types know no on_record with byte fields
  parser.on('skip', () => report.add(splitter.starts.shift() ?? 0, 'Malformed quotes: the row was skipped.'));
  input.on('error', (error) => parser.destroy(error));
  input.pipe(splitter).pipe(parser);

  const seen = new Map<string, number>();
  const counts = { rows: 0, imported: 0, duplicates: 0 };
  let from: Date | null = null;
  let to: Date | null = null;
  let read: ((fields: readonly string[]) => RawTicket | 'skip') | null = null;
  let batch: Ticket[] = [];

  // A full batch is written while the next one is read and tagged: at most one batch in flight.
  let writing: Promise<void> = Promise.resolve();
  const write = async (rows: readonly Ticket[]) => {
    const inserted = rows.length > 0 ? await insertBatch(db, rows) : 0;
    counts.imported += inserted;
    counts.duplicates += rows.length - inserted;
    await db
      .update(inboxAudits)
      .set({ bytesRead: input.bytesRead, ...counts, invalidCount: report.count, from, to, heartbeatAt: sql`now()` })
      .where(eq(inboxAudits.id, job.auditId));
  };

  try {
    for await (const { line, fields } of parser as AsyncIterable<Parsed>) {
      reached(line);
      const text = fields.every((f) => isUtf8(f)) ? fields.map((f) => f.toString('utf8')) : null;
      if (!read) {
        if (!text) throw new ImportFailure(noHeaderMessage);
        const adapter = adapterForHeader(text, job.source);
        read = rowReader(adapter, text);
        await db.update(inboxAudits).set({ source: adapter.source }).where(eq(inboxAudits.id, job.auditId));
        continue;
      }
      if (!text) {
        counts.rows++;
        report.add(line, 'Not valid UTF-8: the row was skipped.');
        continue;
      }
      const raw = read!(text);
      if (raw === 'skip') continue;
      counts.rows++;
      const ticket = ticketOf(raw, line, report, seen);
      if (ticket === 'duplicate') counts.duplicates++;
      if (ticket === 'duplicate' || ticket === 'skipped') continue;
      const corrected = byId.get(ticket.externalId);
      const { category, confidence } = corrected ? { category: corrected, confidence: 1 } : classifier.classify(ticketText(ticket));
      batch.push({ ...ticket, auditId: job.auditId, category, confidence });
      if (ticket.createdAt && (!from || ticket.createdAt < from)) from = ticket.createdAt;
      if (ticket.createdAt && (!to || ticket.createdAt > to)) to = ticket.createdAt;
      if (batch.length === BATCH) {
        await writing;
        writing = write(batch);
        writing.catch(() => undefined); // awaited before the next batch or at the end
        batch = [];
      }
    }
  } catch (error) {
    await writing.catch(() => undefined);
    throw error;
  } finally {
    input.destroy();
  }
  if (!read) throw new ImportFailure('The file is empty.');
  await writing;
  await write(batch);
  await db
    .update(inboxAudits)
    .set({ status: 'ready', invalid: report.sorted(), bytesRead: input.bytesRead, finishedAt: new Date() })
    .where(eq(inboxAudits.id, job.auditId));
}

/**
 * Inserts a batch as one JSON parameter unpacked by the database: a statement of the same small text
 * for every batch, where a multi-row VALUES would cost its query builder most of the import's time.
 * A ticket id the run already holds is left as it is; answers how many were inserted.
 */
async function insertBatch(db: Db, batch: readonly Ticket[]): Promise<number> {
  const json = JSON.stringify(batch.map((t) => [t.auditId, t.externalId, t.line, t.subject, t.body, t.tags, t.createdAt, t.closedAt, t.category, t.confidence]));
  const [row] = await rowsOf<{ n: number }>(
    db,
    sql`with inserted as (
          insert into inbox_audit_tickets (audit_id, external_id, line, subject, body, tags, created_at, closed_at, category, confidence)
          select r->>0, r->>1, (r->>2)::int, r->>3, r->>4, r->>5, (r->>6)::timestamptz, (r->>7)::timestamptz, r->>8, (r->>9)::real
            from jsonb_array_elements(${json}::jsonb) as r
          on conflict (audit_id, external_id) do nothing
          returning 1)
        select count(*)::int as n from inserted`,
  );
  return row?.n ?? 0;
}

/** The row as a ticket to store, or why it is not stored; what is skipped or changed is reported. */
function ticketOf(raw: RawTicket, line: number, report: RowReport, seen: Map<string, number>): Stored | 'duplicate' | 'skipped' {
  if (raw.id === '') {
    report.add(line, 'No ticket id: the row was skipped.');
    return 'skipped';
  }
  const first = seen.get(raw.id);
  if (first !== undefined) {
    report.add(line, `Duplicate ticket id ${raw.id.slice(0, 40)} (first on line ${first}): the row was skipped.`);
    return 'duplicate';
  }
  seen.set(raw.id, line);
  if (raw.subject === '' && raw.body === '') {
    report.add(line, 'Empty subject and body: the row was skipped.');
    return 'skipped';
  }
  if (raw.body === '') report.add(line, 'Empty body: tagged by its subject alone.');
  if (raw.body.length > BODY_KEPT) report.add(line, `Body of ${Math.round(raw.body.length / 1024)} KB: its first ${BODY_KEPT / 1024} KB kept.`);
  const createdAt = parseExportTime(raw.createdAt);
  const closedAt = parseExportTime(raw.closedAt);
  if (createdAt === undefined) report.add(line, 'Unreadable creation time: kept without it.');
  if (closedAt === undefined) report.add(line, 'Unreadable close time: kept without it.');
  return {
    externalId: clean(raw.id, 200),
    line,
    subject: clean(raw.subject, SUBJECT_KEPT),
    body: clean(raw.body, BODY_KEPT),
    tags: clean(raw.tagList.join(','), SUBJECT_KEPT),
    createdAt: createdAt ?? null,
    closedAt: closedAt ?? null,
  };
}
