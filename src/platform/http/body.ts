import type { z } from 'zod';
import { AppError } from './errors';
import { parseInput } from './validation';

export const DEFAULT_BODY_LIMIT = 64 * 1024;

/** Reads at most `maxBytes` of the body, so an oversize request is refused without buffering it whole. */
async function readText(request: Request, maxBytes: number): Promise<string> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function tooLarge(maxBytes: number): AppError {
  return new AppError('payload_too_large', `The request body is larger than ${Math.round(maxBytes / 1024)} KB.`);
}

export async function readJson<S extends z.ZodType>(
  request: Request,
  schema: S,
  options: { maxBytes?: number } = {},
): Promise<z.infer<S>> {
  const text = await readText(request, options.maxBytes ?? DEFAULT_BODY_LIMIT);
  let raw: unknown;
  try {
    raw = text === '' ? {} : JSON.parse(text);
  } catch {
    throw new AppError('validation_failed', 'The request body is not valid JSON.', { _: 'Malformed JSON' });
  }
  return parseInput(schema, raw);
}
