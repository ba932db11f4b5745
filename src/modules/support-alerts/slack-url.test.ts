import { describe, expect, it } from 'vitest';
import { isMasked, maskSlackUrl, slackUrl } from './slack-url';

describe('Slack URLs', () => {
  it('masks a Slack incoming-webhook URL to its team prefix and the last four characters', () => {
    expect(maskSlackUrl('https://hooks.slack.com/services/T012ABCDE/B034FGHIJ/abcdefghijklmnopqrstuvwx')).toBe('https://hooks.slack.com/services/T0…/…uvwx');
  });

  it('shows no tail of a short secret, and at most a few characters of any', () => {
    expect(maskSlackUrl('https://example.test/hook')).toBe('https://example.test/…');
    expect(maskSlackUrl('https://hooks.slack.com/services/T0/B0/xyz')).toBe('https://hooks.slack.com/services/T0…/…');
    expect(maskSlackUrl('https://example.test/a/b?token=1234567890abcdef')).toBe('https://example.test/a/b…/…cdef');
    expect(maskSlackUrl('https://example.test/a-long-first-segment/1234567890abcdef')).toBe('https://example.test/…cdef');
    expect(isMasked(maskSlackUrl('https://example.test/hook'))).toBe(true);
  });

  it('accepts https, and plain http only to this machine', () => {
    const ok = (value: string) => slackUrl.safeParse(value).success;
    expect(ok('https://hooks.slack.com/services/T0/B0/x')).toBe(true);
    expect(ok('http://127.0.0.1:4000/services/x')).toBe(true);
    expect(ok('http://localhost/x')).toBe(true);
    expect(ok('http://hooks.slack.com/services/T0/B0/x')).toBe(false);
    expect(ok('http://10.0.0.1/x')).toBe(false);
    expect(ok('ftp://hooks.slack.com/x')).toBe(false);
    expect(ok('https://u:p@hooks.slack.com/x')).toBe(false);
    expect(ok('hooks.slack.com/services')).toBe(false);
  });
});
