import { afterEach, describe, expect, it } from 'vitest';
import { resetConfigForTests } from '../config';
import { assertSameOrigin } from './origin';

function request(method: string, origin?: string): Request {
  return new Request('http://localhost:3000/api/account/profile', { method, headers: origin === undefined ? {} : { origin } });
}

const portalUrl = process.env.PORTAL_URL;
afterEach(() => {
  process.env.PORTAL_URL = portalUrl;
  resetConfigForTests();
});

describe('assertSameOrigin', () => {
  it.each(['POST', 'PUT', 'PATCH', 'DELETE'])('accepts %s from the portal origin', (method) => {
    expect(() => assertSameOrigin(request(method, 'http://localhost:3000'))).not.toThrow();
  });

  it.each(['POST', 'PUT', 'PATCH', 'DELETE'])('refuses %s from another origin with 403', (method) => {
    expect(() => assertSameOrigin(request(method, 'https://evil.example'))).toThrow(expect.objectContaining({ code: 'forbidden', status: 403 }));
  });

  it.each([
    ['no Origin header', undefined],
    ['Origin: null', 'null'],
    ['another port', 'http://localhost:3001'],
    ['another scheme', 'https://localhost:3000'],
    ['a look-alike host', 'http://localhost:3000.evil.example'],
  ])('refuses a write with %s', (_label, origin) => {
    expect(() => assertSameOrigin(request('POST', origin))).toThrow(expect.objectContaining({ code: 'forbidden' }));
  });

  it('lets reads through whatever their origin', () => {
    expect(() => assertSameOrigin(request('GET'))).not.toThrow();
    expect(() => assertSameOrigin(request('HEAD', 'https://evil.example'))).not.toThrow();
  });

  it('compares with the origin of PORTAL_URL', () => {
    process.env.PORTAL_URL = 'https://support.example.com/';
    resetConfigForTests();
    expect(() => assertSameOrigin(request('POST', 'https://support.example.com'))).not.toThrow();
    expect(() => assertSameOrigin(request('POST', 'http://localhost:3000'))).toThrow(expect.objectContaining({ code: 'forbidden' }));
  });

  it('refuses to start on a PORTAL_URL with a path: the path belongs in BASE_PATH', () => {
    process.env.PORTAL_URL = 'https://support.example.com/portal/';
    resetConfigForTests();
    expect(() => assertSameOrigin(request('POST', 'https://support.example.com'))).toThrow(/PORTAL_URL is the origin only/);
  });
});
