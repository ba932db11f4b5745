import { describe, expect, it } from 'vitest';
import { requestMeta } from './request-meta';

describe('requestMeta', () => {
  it.each([
    [{ 'x-forwarded-for': ' 203.0.113.9 , 10.0.0.1' }],
    [{ 'x-real-ip': '198.51.100.2' }],
    [{ 'x-forwarded-for': '203.0.113.9', 'x-real-ip': '198.51.100.2', forwarded: 'for=192.0.2.60' }],
    [{ 'x-deflect-client-address': '203.0.113.11' }],
  ])('never takes the client address from headers a client can write: %o', (headers) => {
    expect(requestMeta(new Headers({ ...headers, 'user-agent': 'curl/8' }))).toEqual({ ip: null, userAgent: 'curl/8' });
  });
});
