import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { fail, failFromUnknown, ok } from './envelope';
import { AppError, errorStatus, forbidden, notFound, unauthorized } from './errors';
import { route } from './route';
import { parseInput } from './validation';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('error codes', () => {
  it('map to the statuses of the public contract', () => {
    expect(errorStatus).toEqual({
      unauthorized: 401,
      forbidden: 403,
      not_found: 404,
      conflict: 409,
      payload_too_large: 413,
      validation_failed: 422,
      rate_limited: 429,
      internal: 500,
      upstream_unavailable: 503,
    });
    expect([unauthorized().status, forbidden().status, notFound().status]).toEqual([401, 403, 404]);
  });
});

describe('the JSON envelope', () => {
  it('ok() wraps data in {success: true, data} with the given status', async () => {
    const response = ok({ id: 'x' }, 201);
    expect(response.status).toBe(201);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    expect(await response.json()).toEqual({ success: true, data: { id: 'x' } });
  });

  it('fail() answers the code, message and status, with no fields key when there are none', async () => {
    const response = fail(new AppError('conflict', 'That number is taken.'));
    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({ success: false, error: { code: 'conflict', message: 'That number is taken.' } });
    expect(response.headers.get('retry-after')).toBeNull();
  });

  it('fail() includes the field errors of a validation failure', async () => {
    const error = (() => {
      try {
        parseInput(z.object({ email: z.email() }), { email: 'nope' });
      } catch (e) {
        return e as AppError;
      }
      throw new Error('expected a validation error');
    })();
    const response = fail(error);
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({
      success: false,
      error: { code: 'validation_failed', message: expect.any(String), fields: { email: expect.any(String) } },
    });
  });

  it('fail() sets Retry-After in whole seconds, at least 1, for rate limiting', async () => {
    const response = fail(new AppError('rate_limited', 'Too many attempts.', undefined, 2.2));
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('3');
    expect(fail(new AppError('rate_limited', 'Too many attempts.', undefined, 0)).headers.get('retry-after')).toBe('1');
  });

  it('failFromUnknown() answers an AppError as itself', async () => {
    const response = failFromUnknown(notFound('Invoice'));
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ success: false, error: { code: 'not_found', message: 'Invoice not found.' } });
  });

  it('failFromUnknown() answers anything else as a generic 500 internal, leaking nothing of the original', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const original = Object.assign(new Error('duplicate key value violates unique constraint "user_email_unique" SELECT * FROM "user"'), { code: '23505' });

    const response = failFromUnknown(original);

    expect(response.status).toBe(500);
    const text = await response.text();
    const body = JSON.parse(text) as { success: boolean; error: { code: string; message: string } };
    expect(body.success).toBe(false);
    expect(body.error.code).toBe('internal');
    expect(Object.keys(body.error).sort()).toEqual(['code', 'message']);
    for (const leak of ['duplicate key', 'user_email_unique', 'SELECT', '23505', 'at ', '.ts']) expect(text).not.toContain(leak);
    expect(logged).toHaveBeenCalled(); // the operator still sees it, in the server log
  });
});

describe('route()', () => {
  it('turns a thrown AppError into its envelope and status', async () => {
    const handler = route(async () => {
      throw forbidden();
    });
    const response = await handler(new Request('http://localhost:3000/api/x'), {});
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ success: false, error: { code: 'forbidden' } });
  });

  it('turns a thrown non-AppError into 500 internal with a generic message', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const handler = route(async () => {
      throw new TypeError("Cannot read properties of undefined (reading 'secretColumn')");
    });
    const response = await handler(new Request('http://localhost:3000/api/x'), {});
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(JSON.parse(text)).toMatchObject({ success: false, error: { code: 'internal' } });
    expect(text).not.toContain('secretColumn');
    expect(text).not.toContain('TypeError');
  });

  it('passes a successful response through untouched', async () => {
    const handler = route(async () => ok({ fine: true }));
    const response = await handler(new Request('http://localhost:3000/api/x'), {});
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ success: true, data: { fine: true } });
  });
});
