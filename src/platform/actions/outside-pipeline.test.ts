import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writesOutsideThePipeline } from './outside-pipeline';

// Every write of ours to the database is either inside an action (on the transaction handle `tx` that
// executeAction hands its run and beforeCommit steps, passed on by that name) or listed, with why, in
// outside-pipeline.ts. A write on any other handle, in a file not listed, fails here.

const root = process.cwd();
const skipped = [/\.test\.ts$/, /test-fixtures\.ts$/, /^src\/stripe-simulator\//]; // tests, and the Stripe stand-in's own world

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sourceFiles(relative);
    return /\.tsx?$/.test(entry.name) && !skipped.some((pattern) => pattern.test(relative)) ? [relative] : [];
  });
}

const transaction = /^(ctx\.)?tx$/;
/** `x.insert(table).values(`, `x.update(table).set(`, `x.delete(table).where(` …: the handle each Drizzle write runs on. */
const drizzleWrite = /([\w.]+|\))\s*\.(insert|update|delete)\(\s*\w+\s*\)\s*\.(values|set|where|returning)\(/g;
/** SQL text that writes, and the handles SQL text is run on. */
const sqlWrite = /\b(insert\s+into|update\s+\w+\s+set|delete\s+from)\b/i;
const sqlRun = /(?:rowsOfPrepared(?:<[^>]*>)?\(\s*([\w.]+)\s*,|([\w.]+|\))\s*\.execute\()/g;

/** The handles the file's writes run on; empty when it writes nothing. */
function writeHandles(text: string): string[] {
  const handles = [...text.matchAll(drizzleWrite)].map((m) => m[1]!);
  if (sqlWrite.test(text)) handles.push(...[...text.matchAll(sqlRun)].map((m) => (m[1] ?? m[2])!));
  return handles;
}

describe('writes outside the action pipeline', () => {
  const files = sourceFiles('src');
  const listed = new Set<string>(writesOutsideThePipeline.map((w) => w.file));

  it('finds writes at all (the scan is not blind)', () => {
    expect(writeHandles(readFileSync(path.join(root, 'src/modules/team/actions.ts'), 'utf8'))).toContain('ctx.tx');
    expect(writeHandles('await db\n  .update(stripeEvent)\n  .set({ status })')).toEqual(['db']);
    expect(writeHandles('await (await s.db()).execute(sql`update api_key set last_used_at = now()`)')).toEqual([')']);
    expect(writeHandles('cache.delete(hash); createHash("sha256").update(token).digest("hex")')).toEqual([]);
  });

  it('are only the listed ones: every other write runs on an action’s transaction', () => {
    const unlisted = files
      .filter((file) => !listed.has(file))
      .flatMap((file) => writeHandles(readFileSync(path.join(root, file), 'utf8')).filter((handle) => !transaction.test(handle)).map((handle) => `${file}: a write on ${handle}`));
    expect(unlisted).toEqual([]);
  });

  it('lists only files that write, each with what and why, and each points back to the list', () => {
    for (const entry of writesOutsideThePipeline) {
      const text = readFileSync(path.join(root, entry.file), 'utf8');
      expect(writeHandles(text).filter((handle) => !transaction.test(handle)), entry.file).not.toEqual([]);
      expect(text, `${entry.file} names the list`).toContain('outside-pipeline.ts');
      expect(entry.what.length * entry.why.length).toBeGreaterThan(0);
    }
  });
});
