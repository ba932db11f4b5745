import type { z } from 'zod';
import { AppError, type FieldErrors } from './errors';

export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? issue.path.join('.') : '_';
    fields[key] ??= issue.message;
  }
  return fields;
}

/** The paths of the strings in `value` holding a NUL character, which PostgreSQL's text cannot store. */
function nulFieldsOf(value: unknown, path: string, fields: FieldErrors): FieldErrors {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) fields[path || '_'] ??= 'Must not contain the NUL character (\\u0000).';
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => nulFieldsOf(item, path ? `${path}.${index}` : String(index), fields));
  } else if (value !== null && typeof value === 'object' && [Object.prototype, null].includes(Object.getPrototypeOf(value))) {
    for (const [key, item] of Object.entries(value)) nulFieldsOf(item, path ? `${path}.${key}` : key, fields);
  }
  return fields;
}

/** Validates with zod; a failure is a 422 naming each bad field. */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
  const parsed = schema.safeParse(raw);
  const fields = parsed.success ? nulFieldsOf(parsed.data, '', {}) : fieldErrorsOf(parsed.error);
  if (!parsed.success || Object.keys(fields).length > 0) {
    throw new AppError('validation_failed', 'Some fields are not valid.', fields);
  }
  return parsed.data;
}
