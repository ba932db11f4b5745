import { isUtf8 } from 'node:buffer';
import { mkdir, open, rm } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { getConfig } from '@/platform/config';
import { AppError } from '@/platform/http/errors';
import type { InboxSource } from './adapters';
import { adapterForHeader, ImportFailure } from './import';

/** The largest export an audit reads. */
export const UPLOAD_LIMIT = 100 * 1024 * 1024;
/** A header row longer than this is no help desk's. */
const HEADER_LIMIT = 64 * 1024;

export type Upload = { file: string; bytes: number };

export function uploadsDir(): string {
  return path.resolve(getConfig().DATA_DIR, 'inbox-audits');
}

const notCsv = (message: string) => new AppError('validation_failed', message, { file: message });
const tooLarge = () => new AppError('payload_too_large', `The export is larger than ${UPLOAD_LIMIT / 1024 / 1024} MB.`);

/** Refuses, from the first bytes, a file that is no help desk export: binary, or without a known header. */
export function checkHeader(start: Buffer, source: InboxSource | 'auto'): void {
  if (start.length === 0 || start.toString('utf8').trim() === '') throw notCsv('The file is empty.');
  const end = start.indexOf(0x0a);
  const line = start.subarray(0, end === -1 ? start.length : end);
  if (line.includes(0) || !isUtf8(line)) throw notCsv('The file is not a CSV export: its first line is not text.');
  let header: string[];
  try {
    header = (parse(line, { bom: true, relax_quotes: true, relax_column_count: true, to_line: 1 }) as string[][])[0] ?? [];
  } catch {
    throw notCsv('The file is not a CSV export: its first line is no header row.');
  }
  try {
    adapterForHeader(header, source);
  } catch (error) {
    throw error instanceof ImportFailure ? notCsv(error.message) : error;
  }
}

/**
 * Streams the request's body to a file under DATA_DIR, never whole in memory; the header row is checked
 * before anything is kept. A body past the limit is refused (413) and its file removed.
 */
export async function receiveUpload(request: Request, source: InboxSource | 'auto'): Promise<Upload> {
  if (Number(request.headers.get('content-length') ?? '0') > UPLOAD_LIMIT) throw tooLarge();
  const reader = request.body?.getReader();
  const head: Buffer[] = [];
  let headBytes = 0;
  let done = !reader;
  while (!done && headBytes < HEADER_LIMIT && !head.some((c) => c.includes(0x0a))) {
    const next = await reader!.read();
    done = next.done;
    if (next.value) {
      head.push(Buffer.from(next.value));
      headBytes += next.value.byteLength;
    }
  }
  const start = Buffer.concat(head);
  try {
    checkHeader(start, source);
  } catch (error) {
    await reader?.cancel();
    throw error;
  }
  await mkdir(uploadsDir(), { recursive: true });
  const file = path.join(uploadsDir(), `${crypto.randomUUID()}.csv`);
  const handle = await open(file, 'wx');
  let bytes = 0;
  try {
    for (let chunk: Uint8Array | undefined = start; chunk; ) {
      bytes += chunk.byteLength;
      if (bytes > UPLOAD_LIMIT) throw tooLarge();
      await handle.write(chunk);
      if (done) break;
      const next = await reader!.read();
      done = next.done;
      chunk = next.value ?? (done ? undefined : new Uint8Array());
    }
  } catch (error) {
    await reader?.cancel().catch(() => undefined);
    await handle.close();
    await rm(file, { force: true });
    throw error;
  }
  await handle.close();
  return { file, bytes };
}
