import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AppError } from './errors';
import { createLeanServer } from './lean-server';

// The plumbing only; each route's contract is tested with its module (api-keys, usage).
let server: Server;
let baseUrl: string;

beforeAll(async () => {
  server = createLeanServer([
    { path: '/echo', answer: async (_request, headers) => ({ agent: headers.get('user-agent'), forwarded: headers.get('x-forwarded-for') }) },
    { path: '/busy', answer: async () => { throw new AppError('rate_limited', 'Slow down.', undefined, 3); } },
    { path: '/broken', answer: async () => { throw new Error('relation "secret_table" does not exist'); } },
  ]);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

const post = (path: string, headers: Record<string, string> = {}) => fetch(`${baseUrl}${path}`, { method: 'POST', headers, body: '{}' });

describe('lean server', () => {
  it('answers a route with the envelope, handing it the request headers; a query string is ignored', async () => {
    const response = await post('/echo?trace=1', { 'user-agent': 'host-product/1.0', 'x-forwarded-for': '203.0.113.9' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toEqual({ success: true, data: { agent: 'host-product/1.0', forwarded: '203.0.113.9' } });
  });

  it.each([
    ['GET', '/echo'],
    ['PUT', '/echo'],
    ['POST', '/echo/extra'],
    ['POST', '/'],
  ])('answers 404 for %s %s', async (method, path) => {
    const response = await fetch(`${baseUrl}${path}`, { method, ...(method === 'GET' ? {} : { body: '{}' }) });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toMatchObject({ success: false, error: { code: 'not_found' } });
  });

  it('answers an AppError with its status, code and headers', async () => {
    const response = await post('/busy');
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('3');
    expect(await response.json()).toEqual({ success: false, error: { code: 'rate_limited', message: 'Slow down.' } });
  });

  it('answers any other error with a 500 that tells nothing of it', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const response = await post('/broken');
    logged.mockRestore();
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toContain('secret_table');
    expect(JSON.parse(text)).toMatchObject({ success: false, error: { code: 'internal' } });
  });
});
