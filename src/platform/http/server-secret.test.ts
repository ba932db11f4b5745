import { describe, expect, it } from 'vitest';
import { assertServerSecret } from './server-secret';

const secret = process.env.PORTAL_SERVER_SECRET!;

function request(headers: Record<string, string>): Headers {
  return new Request('http://localhost:3000/api/v1/portal-sessions', { method: 'POST', headers }).headers;
}

describe('assertServerSecret', () => {
  it('accepts the configured secret as a Bearer token', () => {
    expect(secret.length).toBeGreaterThanOrEqual(16);
    expect(() => assertServerSecret(request({ authorization: `Bearer ${secret}` }))).not.toThrow();
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
  ])('refuses %s with 401 unauthorized', (_label, headers) => {
    expect(() => assertServerSecret(request(headers))).toThrow(expect.objectContaining({ code: 'unauthorized', status: 401 }));
  });
});
