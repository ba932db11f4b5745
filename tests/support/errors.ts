import { AppError } from '@/platform/http/errors';

/** The database's own error beneath Drizzle's "Failed query" wrapper: its SQLSTATE and message. */
export async function databaseError(promise: Promise<unknown>): Promise<{ code: string | undefined; message: string }> {
  try {
    await promise;
  } catch (error) {
    let current: unknown = error;
    while (current && typeof current === 'object' && 'cause' in current && (current as { cause?: unknown }).cause) {
      current = (current as { cause: unknown }).cause;
    }
    const e = current as { code?: string; message?: string };
    return { code: e.code, message: String(e.message) };
  }
  throw new Error('Expected the database to refuse the statement, but it succeeded.');
}

/** Awaits a promise that must reject and returns what it rejected with. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('Expected a rejection, but the promise resolved.');
}

/** Awaits a promise that must reject with an AppError and returns its code (anything else is rethrown). */
export async function appErrorCodeOf(promise: Promise<unknown>): Promise<string> {
  const error = await rejectionOf(promise);
  if (!(error instanceof AppError)) throw error;
  return error.code;
}
