import type { z } from 'zod';
import { AppError } from './errors';
import { parseInput } from './validation';

export const DEFAULT_BODY_LIMIT = 64 * 1024;

/**
 * Reads at most `maxBytes` of a body (a fetch Request's stream or a node:http request), so an
 * oversize request is refused without buffering it whole.
 */
async function readText(body: AsyncIterable<Uint8Array> | null, declaredLength: string | null | undefined, maxBytes: number): Promise<string> {
  if (Number(declaredLength ?? '0') > maxBytes) throw tooLarge(maxBytes);
  if (!body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.byteLength;
    if (size > maxBytes) throw tooLarge(maxBytes); // leaving the loop cancels the stream
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function tooLarge(maxBytes: number): AppError {
  return new AppError('payload_too_large', `The request body is larger than ${Math.round(maxBytes / 1024)} KB.`);
}

type BodySource = { body: AsyncIterable<Uint8Array> | null; contentLength: string | null | undefined };

export function readJson<S extends z.ZodType>(request: Request, schema: S, options: { maxBytes?: number } = {}): Promise<z.infer<S>> {
  return readJsonBody({ body: request.body, contentLength: request.headers.get('content-length') }, schema, options);
}

/** readJson for a body that is not a fetch Request (the lean node:http verify server). */
export async function readJsonBody<S extends z.ZodType>(source: BodySource, schema: S, options: { maxBytes?: number } = {}): Promise<z.infer<S>> {
  const text = await readText(source.body, source.contentLength, options.maxBytes ?? DEFAULT_BODY_LIMIT);
  let raw: unknown;
  try {
    raw = text === '' ? {} : JSON.parse(text);
  } catch {
    throw new AppError('validation_failed', 'The request body is not valid JSON.', { _: 'Malformed JSON' });
  }
  return parseInput(schema, raw);
}
