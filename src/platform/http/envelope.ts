import { AppError } from './errors';

export function ok<T>(data: T, status = 200, headers?: HeadersInit): Response {
  return Response.json({ success: true, data }, { status, headers });
}

export function fail(error: AppError): Response {
  const headers = new Headers();
  if (error.retryAfterSeconds !== undefined) headers.set('Retry-After', String(Math.max(1, Math.ceil(error.retryAfterSeconds))));
  const body = {
    success: false,
    error: { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) },
  };
  return Response.json(body, { status: error.status, headers });
}

/** Anything that is not an AppError is logged here and answered without detail. */
export function failFromUnknown(error: unknown): Response {
  if (error instanceof AppError) return fail(error);
  console.error('[http] unhandled error:', error);
  return fail(new AppError('internal', 'Something went wrong on our side. Please try again.'));
}
