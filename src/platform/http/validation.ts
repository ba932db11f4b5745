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

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * Names each string in `value` holding a NUL character, which PostgreSQL's text cannot store. The
 * path is one array, joined only for a string that fails: this walk sees every value of every input
 * (an ingest batch holds 6,000).
 */
function addNulFields(value: unknown, path: (string | number)[], fields: FieldErrors): void {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) fields[path.join('.') || '_'] ??= 'Must not contain the NUL character (\\u0000).';
    return;
  }
  if (Array.isArray(value)) value.forEach((item, index) => addNulFieldsAt(item, index, path, fields));
  else if (isPlainObject(value)) for (const key of Object.keys(value)) addNulFieldsAt(value[key], key, path, fields);
}

function addNulFieldsAt(value: unknown, key: string | number, path: (string | number)[], fields: FieldErrors): void {
  path.push(key);
  addNulFields(value, path, fields);
  path.pop();
}

/** Parsed JSON whose text had no `\u0000` escape, the only way JSON writes a NUL: no string in it holds one. */
const freeOfNul = new WeakSet<object>();

/** Marks a value parsed from JSON text without a `\u0000` escape, so that parseInput skips looking for NUL in it. */
export function markFreeOfNul(value: unknown): void {
  if (value !== null && typeof value === 'object') freeOfNul.add(value);
}

/** Validates with zod; a failure is a 422 naming each bad field. */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
  const parsed = schema.safeParse(raw);
  const fields: FieldErrors = parsed.success ? {} : fieldErrorsOf(parsed.error);
  if (parsed.success && !(raw !== null && typeof raw === 'object' && freeOfNul.has(raw))) addNulFields(parsed.data, [], fields);
  if (!parsed.success || Object.keys(fields).length > 0) {
    throw new AppError('validation_failed', 'Some fields are not valid.', fields);
  }
  return parsed.data;
}
