const EARLIEST = Date.UTC(1990, 0, 1);
const LATEST = Date.UTC(2200, 0, 1);

/**
 * A help desk's time: ISO 8601, `YYYY-MM-DD HH:MM[:SS]` (read as UTC, as the exports write it) or
 * Unix seconds. Null for an empty cell; `undefined` for one that is no time at all.
 */
export function parseExportTime(value: string): Date | null | undefined {
  if (value === '') return null;
  let ms: number;
  if (/^\d{9,10}$/.test(value)) ms = Number(value) * 1000;
  else {
    const plain = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)$/.exec(value);
    ms = plain ? Date.parse(`${plain[1]}T${plain[2]}Z`) : Date.parse(value);
  }
  return Number.isNaN(ms) || ms < EARLIEST || ms > LATEST ? undefined : new Date(ms);
}
