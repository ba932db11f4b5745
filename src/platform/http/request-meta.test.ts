import { describe, expect, it } from 'vitest';
import { requestMeta } from './request-meta';

describe('requestMeta', () => {
  it('takes the first X-Forwarded-For hop and the user agent', () => {
    expect(requestMeta(new Headers({ 'x-forwarded-for': ' 203.0.113.9 , 10.0.0.1', 'user-agent': 'curl/8' }))).toEqual({ ip: '203.0.113.9', userAgent: 'curl/8' });
  });

  it('falls back to X-Real-IP, then to nothing', () => {
    expect(requestMeta(new Headers({ 'x-real-ip': '198.51.100.2' }))).toEqual({ ip: '198.51.100.2', userAgent: null });
    expect(requestMeta(new Headers())).toEqual({ ip: null, userAgent: null });
  });
});
