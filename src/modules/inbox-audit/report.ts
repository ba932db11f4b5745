import type { InvalidRow } from './schema';

/** The reported rows kept on the audit; every one is counted. */
export const INVALID_KEPT = 200;

/** The rows an import skipped or changed, each by its line: the first ones kept, all counted. */
export class RowReport {
  readonly rows: InvalidRow[] = [];
  count = 0;

  add(line: number, reason: string): void {
    this.count++;
    if (this.rows.length < INVALID_KEPT) this.rows.push({ line, reason });
  }

  sorted(): InvalidRow[] {
    return this.rows.toSorted((a, b) => a.line - b.line);
  }
}
