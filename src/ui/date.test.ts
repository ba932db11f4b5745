import { describe, expect, it } from 'vitest';
import { formatDate, formatDateRange, formatDateTime, formatDayMonth, formatMonth } from './date';

describe('the one date formatter', () => {
  it('writes day, month, year in UTC, whatever the time zone of the day', () => {
    expect(formatDate('2026-12-05')).toBe('5 Dec 2026');
    expect(formatDate('2026-12-05T23:59:59-05:00')).toBe('6 Dec 2026');
    expect(formatDate(new Date('2027-09-30T00:00:00Z'))).toBe('30 Sep 2027');
  });

  it('adds a 24-hour time, with seconds when asked', () => {
    expect(formatDateTime('2026-12-05T15:04:09Z')).toBe('5 Dec 2026, 15:04');
    expect(formatDateTime('2026-12-05T03:04:09Z', { seconds: true })).toBe('5 Dec 2026, 03:04:09');
  });

  it('writes the short forms and ranges the same way', () => {
    expect(formatDayMonth('2026-11-01')).toBe('1 Nov');
    expect(formatMonth('2026-11-01')).toBe('Nov 2026');
    expect(formatDateRange('2026-08-01', '2026-09-01T00:00:00Z')).toBe('1 Aug 2026 – 1 Sep 2026');
  });

  it('refuses what is not a date', () => {
    expect(() => formatDate('soon')).toThrow(RangeError);
  });
});
