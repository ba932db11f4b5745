import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { RecordSplitter } from './records';

// The record splitter in front of csv-parse: whole records out, whatever the chunks, and an unterminated
// quote costing its own line only.

async function split(text: string, chunkSize: number): Promise<{ output: string; starts: number[]; unterminated: number[] }> {
  const unterminated: number[] = [];
  const splitter = new RecordSplitter((line) => unterminated.push(line));
  const bytes = Buffer.from(text);
  const chunks = Array.from({ length: Math.ceil(bytes.length / chunkSize) }, (_, i) => bytes.subarray(i * chunkSize, (i + 1) * chunkSize));
  const out: Buffer[] = [];
  for await (const chunk of Readable.from(chunks).pipe(splitter)) out.push(chunk as Buffer);
  return { output: Buffer.concat(out).toString(), starts: splitter.starts, unterminated };
}

describe('RecordSplitter', () => {
  const text = 'id,body\r\n1,"two\r\nlines"\r\n\r\n2,"say ""hi"""\r\n3,"never closed\r\n4,last';

  it('passes whole records, each with its first line, however the bytes are cut', async () => {
    for (const size of [1, 2, 3, 7, 1024]) {
      const got = await split(text, size);
      // The blank line and the unterminated one are left out; the line after the latter is read again.
      expect(got.output, String(size)).toBe('id,body\r\n1,"two\r\nlines"\r\n2,"say ""hi"""\r\n4,last\n');
      expect(got.starts, String(size)).toEqual([1, 2, 5, 7]);
      expect(got.unterminated, String(size)).toEqual([6]);
    }
  });
});
