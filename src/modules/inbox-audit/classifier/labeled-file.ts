import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import { isSupportCategory, type SupportCategoryId } from '@config/support-categories';
import { ticketText } from './index';

export type LabeledTicket = { id: string; category: SupportCategoryId; text: string };

type Row = Record<string, string | undefined>;

async function* rows(path: string): AsyncGenerator<{ row: Row; line: number }> {
  const parser = createReadStream(path).pipe(parse({ columns: true, bom: true, skip_empty_lines: true, trim: true, info: true }));
  for await (const { record, info } of parser as AsyncIterable<{ record: Row; info: { lines: number } }>) {
    yield { row: record, line: info.lines };
  }
}

function textOf(row: Row): string | null {
  return row.subject === undefined && row.body === undefined ? null : ticketText({ subject: row.subject ?? '', body: row.body ?? '', tags: row.tags });
}

/**
 * The tickets of a labeled file (`id,category`, with `subject,body` columns or joined by id with the
 * texts of a generic export `id,subject,body,created_at,closed_at,tags`). Throws, naming the line, on a
 * row without an id or with a category the taxonomy does not have.
 */
export async function readLabeledTickets(labeledPath: string, exportPath?: string): Promise<LabeledTicket[]> {
  const labeled: { id: string; category: SupportCategoryId; text: string | null }[] = [];
  for await (const { row, line } of rows(labeledPath)) {
    if (!row.id) throw new Error(`${labeledPath}:${line}: no id`);
    if (!row.category || !isSupportCategory(row.category)) throw new Error(`${labeledPath}:${line}: unknown category "${row.category ?? ''}"`);
    labeled.push({ id: row.id, category: row.category, text: textOf(row) });
  }
  if (!exportPath) {
    if (labeled.some((ticket) => ticket.text === null)) throw new Error(`${labeledPath} has no subject,body columns: give the export with the texts as a second file`);
    return labeled.map((ticket) => ({ ...ticket, text: ticket.text! }));
  }
  const wanted = new Set(labeled.map((ticket) => ticket.id));
  const texts = new Map<string, string>();
  for await (const { row } of rows(exportPath)) {
    const text = textOf(row);
    if (row.id && wanted.has(row.id) && text !== null) texts.set(row.id, text);
  }
  const missing = labeled.filter((ticket) => !texts.has(ticket.id));
  if (missing.length > 0) throw new Error(`${exportPath} has no ticket with id ${missing.slice(0, 5).map((t) => t.id).join(', ')}${missing.length > 5 ? ` and ${missing.length - 5} more` : ''}`);
  return labeled.map((ticket) => ({ ...ticket, text: texts.get(ticket.id)! }));
}
