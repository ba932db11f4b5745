import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLeanServer } from './lean-server';
import { assertServerSecret } from './server-secret';

const secret = process.env.PORTAL_SERVER_SECRET!;

function request(headers: Record<string, string>): Headers {
  return new Request('http://localhost:3000/api/v1/portal-sessions', { method: 'POST', headers }).headers;
}

describe('assertServerSecret', () => {
  it('accepts the configured secret as a Bearer token', async () => {
    expect(secret.length).toBeGreaterThanOrEqual(16);
    await expect(assertServerSecret(request({ authorization: `Bearer ${secret}` }))).resolves.toBeUndefined();
  });

  it.each([
    ['no Authorization header', {}],
    ['a wrong secret of the same length', { authorization: `Bearer ${'x'.repeat(secret.length)}` }],
    ['a wrong secret of another length', { authorization: 'Bearer nope' }],
    ['the secret with a suffix', { authorization: `Bearer ${secret}x` }],
    ['the secret without the Bearer scheme', { authorization: secret }],
    ['the secret under another scheme', { authorization: `Basic ${secret}` }],
    ['an empty Bearer token', { authorization: 'Bearer ' }],
    ['the secret in a cookie only', { cookie: `token=${secret}; secret=${secret}` }],
  ])('refuses %s with 401 unauthorized', async (_label, headers) => {
    await expect(assertServerSecret(request(headers))).rejects.toMatchObject({ code: 'unauthorized', status: 401 });
  });
});

// Through a real server, so that the client's address comes from the socket as in production.
describe('wrong server secrets are throttled per client address', () => {
  let server: Server;
  let url: string;
  const saved = process.env.TRUST_PROXY;

  beforeAll(async () => {
    server = createLeanServer([{ path: '/guarded', answer: async (_request, headers) => assertServerSecret(headers).then(() => 'in') }]);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/guarded`;
  });
  afterAll(async () => {
    if (saved === undefined) delete process.env.TRUST_PROXY;
    else process.env.TRUST_PROXY = saved;
    await new Promise((resolve) => server.close(resolve));
  });

  const call = (authorization: string, forwardedFor?: string) =>
    fetch(url, { method: 'POST', body: '{}', headers: { authorization, ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}) } });

  async function statusesOf(count: number, authorization: (i: number) => string, forwardedFor: (i: number) => string | undefined): Promise<number[]> {
    const statuses: number[] = [];
    for (let i = 0; i < count; i++) statuses.push((await call(authorization(i), forwardedFor(i))).status);
    return statuses;
  }

  it('with no trusted proxy, invented X-Forwarded-For addresses do not escape the count; the right secret still passes at once', async () => {
    delete process.env.TRUST_PROXY;
    const statuses = await statusesOf(22, (i) => `Bearer wrong-${i}`, (i) => `198.51.100.${i + 1}`);
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(401));
    expect(statuses.slice(20)).toEqual([429, 429]);
    const refused = await call('Bearer wrong-again', '198.51.100.200');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await refused.json()).error.message).toMatch(/Try again in \d+ (second|minute)s?\./);
    const right = await call(`Bearer ${secret}`, '198.51.100.201');
    expect(right.status).toBe(200);
  });

  it('behind a trusted proxy, each forwarded client is counted on its own', async () => {
    process.env.TRUST_PROXY = 'loopback';
    const statuses = await statusesOf(21, (i) => `Bearer wrong-${i}`, () => '203.0.113.7');
    expect(statuses.at(-1)).toBe(429);
    expect((await call('Bearer wrong', '203.0.113.8')).status).toBe(401);
    expect((await call('Bearer wrong', '2001:db8:1:2::9')).status).toBe(401);
    expect((await call(`Bearer ${secret}`, '203.0.113.7')).status).toBe(200);
  });

  it('counts an IPv6 client by its /64', async () => {
    process.env.TRUST_PROXY = 'loopback';
    const statuses = await statusesOf(21, (i) => `Bearer wrong-${i}`, (i) => `2001:db8:aa:bb::${(i + 1).toString(16)}`);
    expect(statuses.at(-1)).toBe(429);
    expect((await call('Bearer wrong', '2001:db8:aa:cc::1')).status).toBe(401);
  });
});
