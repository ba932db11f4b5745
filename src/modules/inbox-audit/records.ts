import { Transform, type TransformCallback } from 'node:stream';

const NEWLINE = 0x0a;
const QUOTE = 0x22;
/** A record still inside quotes past this size is taken for an unterminated quote. */
export const MAX_RECORD_BYTES = 1024 * 1024;

function quotesIn(line: Buffer): number {
  let count = 0;
  for (let i = line.indexOf(QUOTE); i !== -1; i = line.indexOf(QUOTE, i + 1)) count++;
  return count;
}

const isBlank = (line: Buffer) => line.length === 0 || (line.length === 1 && line[0] === 0x0d) || (line.length === 2 && line[0] === 0x0d && line[1] === NEWLINE) || (line.length === 1 && line[0] === NEWLINE);

type Open = { line: number; parts: Buffer[]; bytes: number; quotes: number };

/**
 * Cuts a CSV byte stream into whole records before csv-parse reads it, so that an unterminated quote
 * costs one row instead of swallowing the rest of the file: a record still open at the end of the file
 * (or past MAX_RECORD_BYTES) is reported by its first line and the lines after that line are read again.
 * `starts` holds the first line of every record passed on, in order, for the parser's rows to take.
 */
export class RecordSplitter extends Transform {
  readonly starts: number[] = [];
  private tail: Buffer[] = [];
  private lineNo = 0;
  private open: Open | null = null;

  constructor(private readonly onUnterminated: (line: number) => void) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    let start = 0;
    for (let end = chunk.indexOf(NEWLINE); end !== -1; end = chunk.indexOf(NEWLINE, start)) {
      const piece = chunk.subarray(start, end + 1);
      const line = this.tail.length === 0 ? piece : Buffer.concat([...this.tail, piece]);
      this.tail = [];
      this.feed(++this.lineNo, line);
      start = end + 1;
    }
    if (start < chunk.length) this.tail.push(chunk.subarray(start));
    done();
  }

  override _flush(done: TransformCallback): void {
    if (this.tail.length > 0) this.feed(++this.lineNo, Buffer.concat([...this.tail, Buffer.from('\n')]));
    while (this.open) this.giveUp();
    done();
  }

  private feed(lineNo: number, line: Buffer): void {
    if (!this.open) {
      if (isBlank(line)) return;
      this.open = { line: lineNo, parts: [], bytes: 0, quotes: 0 };
    }
    const open = this.open;
    open.parts.push(line);
    open.bytes += line.length;
    open.quotes += quotesIn(line);
    if (open.quotes % 2 === 0) {
      this.open = null;
      this.starts.push(open.line);
      this.push(open.parts.length === 1 ? open.parts[0] : Buffer.concat(open.parts));
    } else if (open.bytes > MAX_RECORD_BYTES) {
      this.giveUp();
    }
  }

  /** The open record's first line is reported; the lines after it are read again as records of their own. */
  private giveUp(): void {
    const open = this.open!;
    this.open = null;
    this.onUnterminated(open.line);
    open.parts.slice(1).forEach((part, i) => this.feed(open.line + 1 + i, part));
  }
}
