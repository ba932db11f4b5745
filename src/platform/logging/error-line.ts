import { createHash } from 'node:crypto';

// Errors are logged as what failed and where, never with the values it failed with: a database error
// carries the statement's text and parameters (billing details, emails, tokens), and its message may
// quote a value too. So no message, no SQL, no parameters: the kind, the SQLSTATE and the statement's name.

export type ErrorLine = { requestId?: string; name: string; code?: string; statement?: string; constraint?: string; at?: string };

type Fields = { name?: unknown; code?: unknown; query?: unknown; constraint?: unknown; cause?: unknown; stack?: unknown };

/** The statement's name: its verb, its first table and a hash of its text (placeholders, not values). */
export function statementName(query: string): string {
  const verb = /^\s*(?:with\b[\s\S]*?\)\s*)?(select|insert|update|delete)\b/i.exec(query)?.[1]?.toLowerCase() ?? 'statement';
  const table = /\b(?:from|into|update)\s+"?([A-Za-z_][\w]*)"?/i.exec(query)?.[1];
  const hash = createHash('sha256').update(query).digest('hex').slice(0, 8);
  return [verb, table, hash].filter(Boolean).join(' ');
}

/** The first frame of the stack: file and line, no message. */
function firstFrame(stack: unknown): string | undefined {
  if (typeof stack !== 'string') return undefined;
  return /\n\s+at (?:.*\()?([^()\s]+:\d+):\d+\)?/.exec(stack)?.[1];
}

export function describeError(error: unknown, requestId?: string | null): ErrorLine {
  const line: ErrorLine = { ...(requestId ? { requestId } : {}), name: error instanceof Error ? error.name : typeof error };
  // Drizzle wraps the driver's error in `cause`; the SQLSTATE and constraint are on the driver's.
  for (let current = error as Fields | undefined, depth = 0; current && typeof current === 'object' && depth < 5; current = current.cause as Fields, depth++) {
    if (!line.code && typeof current.code === 'string' && /^[0-9A-Z]{5}$/.test(current.code)) line.code = current.code;
    if (!line.statement && typeof current.query === 'string') line.statement = statementName(current.query);
    if (!line.constraint && typeof current.constraint === 'string') line.constraint = current.constraint;
    if (!line.at) line.at = firstFrame(current.stack);
  }
  return line;
}

/** One line per unexpected error, e.g. `[http] unhandled error {"requestId":…,"code":"22001",…}`. */
export function logError(scope: string, error: unknown, requestId?: string | null): void {
  console.error(scope, JSON.stringify(describeError(error, requestId)));
}
