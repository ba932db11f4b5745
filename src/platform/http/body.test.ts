import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { rejectionOf } from '../../../tests/support/errors';
import { DEFAULT_BODY_LIMIT, readJson, readJsonInput } from './body';
import { AppError } from './errors';

const schema = z.object({ name: z.string().min(1), seats: z.number().int().positive().optional() });

function post(body: BodyInit | null, headers: Record<string, string> = {}): Request {
  return new Request('http://localhost:3000/api/test', { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers }, duplex: 'half' } as RequestInit);
}

/** A body without Content-Length that would go on for ever; counts how much of it was pulled. */
function endlessBody(chunkBytes = 16 * 1024) {
  const state = { pulledBytes: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      state.pulledBytes += chunkBytes;
      controller.enqueue(new Uint8Array(chunkBytes).fill(0x20));
    },
    cancel() {
      state.cancelled = true;
    },
  });
  return { stream, state };
}

describe('readJson', () => {
  it('parses and validates a JSON body', async () => {
    expect(await readJson(post(JSON.stringify({ name: 'Ada', seats: 3 })), schema)).toEqual({ name: 'Ada', seats: 3 });
  });

  it('answers 413 for a declared Content-Length over the limit, without reading the body', async () => {
    const request = post('{"name":"small"}', { 'content-length': String(DEFAULT_BODY_LIMIT + 1) });
    const error = await rejectionOf(readJson(request, schema));
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'payload_too_large', status: 413 });
    expect(request.bodyUsed).toBe(false);
  });

  it('answers 413 for a streamed body without Content-Length once it passes the limit, and stops reading it', async () => {
    const { stream, state } = endlessBody();
    const error = await rejectionOf(readJson(post(stream), schema));
    expect(error).toMatchObject({ code: 'payload_too_large', status: 413 });
    expect(state.cancelled).toBe(true);
    expect(state.pulledBytes).toBeLessThan(DEFAULT_BODY_LIMIT + 4 * 16 * 1024);
  });

  it('answers 413 for a body bigger than its (lying) Content-Length', async () => {
    const big = JSON.stringify({ name: 'x'.repeat(DEFAULT_BODY_LIMIT) });
    await expect(readJson(post(big, { 'content-length': '20' }), schema)).rejects.toMatchObject({ code: 'payload_too_large' });
  });

  it('accepts a body of exactly the limit, and honours a larger per-route limit', async () => {
    const padding = DEFAULT_BODY_LIMIT - JSON.stringify({ name: '' }).length;
    const exact = JSON.stringify({ name: 'x'.repeat(padding) });
    expect(Buffer.byteLength(exact)).toBe(DEFAULT_BODY_LIMIT);
    expect((await readJson(post(exact), schema)).name).toHaveLength(padding);

    const oneMb = 1024 * 1024;
    const big = JSON.stringify({ name: 'y'.repeat(200 * 1024) });
    expect((await readJson(post(big), schema, { maxBytes: oneMb })).name).toHaveLength(200 * 1024);
    await expect(readJson(post(big), schema)).rejects.toMatchObject({ code: 'payload_too_large' });
  });

  it('answers 422 validation_failed for malformed JSON', async () => {
    const error = await rejectionOf(readJson(post('{"name": "Ada",'), schema));
    expect(error).toMatchObject({ code: 'validation_failed', status: 422 });
    expect((error as AppError).fields).toBeDefined();
  });

  it('answers 422 with a message per invalid field, nested paths joined with dots', async () => {
    const nested = z.object({ user: z.object({ email: z.email() }), seats: z.number() });
    const error = await rejectionOf(readJson(post(JSON.stringify({ user: { email: 'nope' }, seats: 'two' })), nested));
    expect(error).toMatchObject({ code: 'validation_failed', status: 422 });
    expect(Object.keys((error as AppError).fields ?? {}).sort()).toEqual(['seats', 'user.email']);
  });

  it('refuses a string holding an escaped NUL anywhere in the body, and accepts the same text without it', async () => {
    const listed = z.object({ name: z.string(), tags: z.array(z.string()) });
    const error = await rejectionOf(readJson(post('{"name":"Ada","tags":["ok","b\\u0000c"]}'), listed));
    expect(error).toMatchObject({ code: 'validation_failed', fields: { 'tags.1': expect.stringContaining('NUL') } });
    expect(await readJson(post('{"name":"Ada","tags":["ok","b\\u0001c","\\\\u0000"]}'), listed)).toEqual({ name: 'Ada', tags: ['ok', 'b\u0001c', '\\u0000'] });
  });

  it('treats an empty body as an empty object, so required fields are reported', async () => {
    await expect(readJson(post(null), schema)).rejects.toMatchObject({ code: 'validation_failed', fields: { name: expect.any(String) } });
    expect(await readJson(post(''), z.object({}))).toEqual({});
  });
});

describe('readJsonInput', () => {
  it('hands the body on unvalidated, with the path parameters laid over it', async () => {
    expect(await readJsonInput(post(JSON.stringify({ role: 'admin', memberId: 'from-body' })), { memberId: 'from-path' })).toEqual({ role: 'admin', memberId: 'from-path' });
    expect(await readJsonInput(post(''))).toEqual({});
  });

  it('leaves a body that is no object as it is, for the action to refuse', async () => {
    expect(await readJsonInput(post('[1]'), { keyId: 'k' })).toEqual([1]);
    expect(await readJsonInput(post('"x"'), { keyId: 'k' })).toBe('x');
  });
});
