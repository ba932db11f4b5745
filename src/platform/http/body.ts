import type { IncomingMessage } from 'node:http';
import type { z } from 'zod';
import { AppError } from './errors';
import { markFreeOfNul, parseInput } from './validation';

export const DEFAULT_BODY_LIMIT = 64 * 1024;

/** Reads at most `maxBytes` of a fetch Request's body, so an oversize request is refused without buffering it whole. */
export async function readText(request: Request, maxBytes: number = DEFAULT_BODY_LIMIT): Promise<string> {
  if (Number(request.headers.get('content-length') ?? '0') > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of request.body) {
    size += chunk.byteLength;
    if (size > maxBytes) throw tooLarge(maxBytes); // leaving the loop cancels the stream
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The same for a node:http request (the lean verify server). Plain 'data' events: an async iterator
 * costs about a fifth of that server's CPU per request. Past the limit the rest is left unread; the
 * server discards it when the 413 is sent.
 */
function readNodeText(request: IncomingMessage, maxBytes: number): Promise<string> {
  if (Number(request.headers['content-length'] ?? '0') > maxBytes) return Promise.reject(tooLarge(maxBytes));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size <= maxBytes) return void chunks.push(chunk);
      request.off('data', onData);
      reject(tooLarge(maxBytes));
    };
    request.on('data', onData);
    request.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.once('error', reject);
  });
}

function tooLarge(maxBytes: number): AppError {
  return new AppError('payload_too_large', `The request body is larger than ${Math.round(maxBytes / 1024)} KB.`);
}

/**
 * The JSON of a body (an empty body is `{}`); malformed JSON is a 422. Marked free of NUL when the
 * text has no `\u0000`: one scan of the text instead of a walk of every parsed string.
 */
function parseJsonText(text: string): unknown {
  let value: unknown;
  try {
    value = text === '' ? {} : JSON.parse(text);
  } catch {
    throw new AppError('validation_failed', 'The request body is not valid JSON.', { _: 'Malformed JSON' });
  }
  if (!text.includes('\\u0000')) markFreeOfNul(value);
  return value;
}

export async function readJson<S extends z.ZodType>(request: Request, schema: S, options: { maxBytes?: number } = {}): Promise<z.infer<S>> {
  return parseInput(schema, parseJsonText(await readText(request, options.maxBytes ?? DEFAULT_BODY_LIMIT)));
}

/** readJson for a node:http request. */
export async function readNodeJson<S extends z.ZodType>(request: IncomingMessage, schema: S, options: { maxBytes?: number } = {}): Promise<z.infer<S>> {
  return parseInput(schema, parseJsonText(await readNodeText(request, options.maxBytes ?? DEFAULT_BODY_LIMIT)));
}

/** The parsed JSON body, not yet validated: the action it is handed to validates it. */
export async function readJsonValue(request: Request, options: { maxBytes?: number } = {}): Promise<unknown> {
  return parseJsonText(await readText(request, options.maxBytes ?? DEFAULT_BODY_LIMIT));
}

/**
 * The JSON body for the action to validate (zod runs once, there), with the route's path parameters
 * laid over it. A body that is no object goes as it is: the action's schema refuses it.
 */
export async function readJsonInput(request: Request, pathParams: Record<string, string> = {}): Promise<unknown> {
  const body = await readJsonValue(request);
  return typeof body === 'object' && body !== null && !Array.isArray(body) ? { ...body, ...pathParams } : body;
}

/** readJsonValue for a node:http request. */
export async function readNodeJsonValue(request: IncomingMessage, options: { maxBytes?: number } = {}): Promise<unknown> {
  return parseJsonText(await readNodeText(request, options.maxBytes ?? DEFAULT_BODY_LIMIT));
}
