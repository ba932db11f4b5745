import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTrustProxy, readStamp, resolveClientAddress, stampRequest } from './request-stamp.mjs';

const none = parseTrustProxy(undefined);

describe('resolveClientAddress', () => {
  it.each([
    ['one invented hop', '203.0.113.9'],
    ['a chain of invented hops', '198.51.100.1, 203.0.113.9, 10.0.0.1'],
    ['an invented IPv6 hop', '2001:db8::1'],
    ['garbage', 'not-an-address'],
    ['an empty header', ''],
  ])('with no trusted proxy, ignores X-Forwarded-For (%s): the socket is the client', (_case, forwardedFor) => {
    expect(resolveClientAddress('192.0.2.50', forwardedFor, none)).toBe('192.0.2.50');
  });

  it('with no TRUST_PROXY at all, an empty or blank value trusts nothing either', () => {
    for (const value of ['', '  ']) expect(resolveClientAddress('192.0.2.50', '203.0.113.9', parseTrustProxy(value))).toBe('192.0.2.50');
  });

  it.each([
    ['1', '203.0.113.9', '203.0.113.9'],
    ['1', '198.51.100.1, 203.0.113.9', '203.0.113.9'], // the client's own invented hop is not reached
    ['2', '198.51.100.1, 203.0.113.9', '198.51.100.1'],
    ['2', '203.0.113.9', '203.0.113.9'], // fewer hops than trusted: the last one there is
    ['0', '203.0.113.9', '192.0.2.50'],
  ])('with TRUST_PROXY=%s and X-Forwarded-For "%s", the client is %s', (hops, forwardedFor, client) => {
    expect(resolveClientAddress('192.0.2.50', forwardedFor, parseTrustProxy(hops))).toBe(client);
  });

  it.each([
    ['10.0.0.0/8', '10.1.2.3', '198.51.100.1, 203.0.113.9', '203.0.113.9'],
    ['10.0.0.0/8', '192.0.2.50', '203.0.113.9', '192.0.2.50'], // the socket is not a trusted proxy
    ['10.0.0.0/8, 172.16.0.0/12', '10.1.2.3', '198.51.100.1, 172.16.5.5', '198.51.100.1'], // through two trusted proxies
    ['10.0.0.7', '10.0.0.7', '203.0.113.9', '203.0.113.9'],
    ['10.0.0.7', '10.0.0.8', '203.0.113.9', '10.0.0.8'],
    ['loopback', '127.0.0.1', '203.0.113.9', '203.0.113.9'],
    ['loopback', '::1', '2001:db8::5', '2001:db8::5'],
    ['loopback', '::ffff:127.0.0.1', '203.0.113.9', '203.0.113.9'], // IPv4-mapped socket address
    ['2001:db8:ffff::/48', '2001:db8:ffff::1', '2001:DB8:0:0::7', '2001:db8::7'],
  ])('with TRUST_PROXY=%s, socket %s and X-Forwarded-For "%s", the client is %s', (list, socket, forwardedFor, client) => {
    expect(resolveClientAddress(socket, forwardedFor, parseTrustProxy(list))).toBe(client);
  });

  it.each([
    ['::ffff:192.0.2.50', none, '', '192.0.2.50'],
    ['::FFFF:192.0.2.50', none, '', '192.0.2.50'],
    ['2001:DB8:0:0:0:0:0:1', none, '', '2001:db8::1'],
    ['10.0.0.1', parseTrustProxy('1'), '::ffff:203.0.113.9', '203.0.113.9'],
  ])('spells socket %s (X-Forwarded-For "%s") one way', (socket, trust, forwardedFor, client) => {
    expect(resolveClientAddress(socket, forwardedFor, trust)).toBe(client);
  });

  it.each([
    ['garbage', 'not-an-address'],
    ['a script', '<script>alert(1)</script>'],
    ['a port', '203.0.113.9:4711'],
    ['a short form', '127.1'],
    ['an empty hop', ' , '],
    ['a CRLF', '203.0.113.9\r\nx-evil: 1'],
  ])('when a trusted proxy passes on %s, the client is the last real address before it', (_case, forwardedFor) => {
    expect(resolveClientAddress('10.0.0.1', forwardedFor, parseTrustProxy('10.0.0.0/8'))).toBe('10.0.0.1');
    expect(resolveClientAddress('10.0.0.1', forwardedFor, parseTrustProxy('1'))).toBe('10.0.0.1');
  });

  it('answers null when not even the socket has an address', () => {
    expect(resolveClientAddress(undefined, '203.0.113.9', none)).toBeNull();
  });
});

describe('parseTrustProxy', () => {
  it.each(['true', 'proxy.example', '10.0.0.0/33', '10.0.0.1, nonsense'])('refuses %s with a message naming TRUST_PROXY', (value) => {
    expect(() => parseTrustProxy(value)).toThrow(/TRUST_PROXY/);
  });
});

describe('stampRequest on a real server', () => {
  let server: http.Server;
  let url: string;
  let trust = parseTrustProxy(undefined);
  let seen: { clientAddress: string | null; requestId: string | null; responseId: string | undefined } | undefined;

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      stampRequest(req, res, trust);
      const headers = new Headers(Object.entries(req.headers).map(([k, v]): [string, string] => [k, String(v)]));
      seen = { ...readStamp(headers), responseId: res.getHeader('x-request-id') as string | undefined };
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('overwrites the stamp headers a client sends, so a forged address or stamp is never read', async () => {
    trust = parseTrustProxy(undefined);
    const response = await fetch(url, {
      headers: { 'x-forwarded-for': '203.0.113.9', 'x-real-ip': '203.0.113.10', 'x-deflect-client-address': '203.0.113.11', 'x-deflect-stamp': 'forged', 'x-request-id': 'chosen-by-client' },
    });
    expect(seen?.clientAddress).toBe('127.0.0.1');
    expect(seen?.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers.get('x-request-id')).toBe(seen?.requestId);
  });

  it('takes a request id from a trusted proxy only, and only a plain one', async () => {
    trust = parseTrustProxy('loopback');
    await fetch(url, { headers: { 'x-forwarded-for': '203.0.113.9', 'x-request-id': 'lb-1234' } });
    expect(seen).toMatchObject({ clientAddress: '203.0.113.9', requestId: 'lb-1234' });
    await fetch(url, { headers: { 'x-request-id': 'a b "c"' } });
    expect(seen?.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('reads nothing from headers this process did not stamp', () => {
    expect(readStamp(new Headers({ 'x-deflect-client-address': '203.0.113.11', 'x-deflect-stamp': 'forged', 'x-request-id': 'x' }))).toEqual({ clientAddress: null, requestId: null });
  });
});
