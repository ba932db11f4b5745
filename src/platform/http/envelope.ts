import { logError } from '../logging/error-line';
import { AppError } from './errors';

export function ok<T>(data: T, status = 200, headers?: HeadersInit): Response {
  return Response.json({ success: true, data }, { status, headers });
}

export function fail(error: AppError, requestId?: string | null): Response {
  const headers = new Headers();
  if (error.retryAfterSeconds !== undefined) headers.set('Retry-After', String(Math.max(1, Math.ceil(error.retryAfterSeconds))));
  const body = {
    success: false,
    error: { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}), ...(requestId ? { requestId } : {}) },
  };
  return Response.json(body, { status: error.status, headers });
}

/**
 * Anything that is not an AppError is logged here (no values: error-line.ts) and answered without
 * detail but with the request's id, which support finds in the log.
 */
export function failFromUnknown(error: unknown, requestId?: string | null): Response {
  if (error instanceof AppError) return fail(error);
  logError('[http] unhandled error', error, requestId);
  return fail(new AppError('internal', 'Something went wrong on our side. Please try again.'), requestId);
}
