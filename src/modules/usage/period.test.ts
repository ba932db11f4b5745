import { describe, expect, it } from 'vitest';
import { addDays, addMonths, daysBetween, lastDays, lastMonths, periodOf } from './period';

describe('UTC calendar arithmetic', () => {
  it('moves by months to the first day, across year boundaries both ways', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-01');
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-01');
    expect(addMonths('2026-01-01', -1)).toBe('2025-12-01');
    expect(addMonths('2026-03-01', -15)).toBe('2024-12-01');
    expect(addMonths('2026-07-09', 0)).toBe('2026-07-01');
    expect(addMonths('2026-07-09', 24)).toBe('2028-07-01');
  });

  it('counts days across month ends, leap days and daylight-saving dates alike', () => {
    expect(daysBetween('2028-02-01', '2028-03-01')).toBe(29);
    expect(daysBetween('2027-02-01', '2027-03-01')).toBe(28);
    expect(daysBetween('2026-03-01', '2026-04-01')).toBe(31);
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
  });

  it('lists the last days and months up to the one holding `at`, oldest first', () => {
    const at = new Date('2026-01-02T23:59:59.999Z');
    expect(lastDays(at, 3)).toEqual(['2025-12-31', '2026-01-01', '2026-01-02']);
    expect(lastMonths(at, 3)).toEqual(['2025-11-01', '2025-12-01', '2026-01-01']);
    expect(periodOf(at)).toEqual({ start: '2026-01-01', end: '2026-02-01' });
    expect(periodOf(new Date('2026-12-31T23:59:59.999Z'))).toEqual({ start: '2026-12-01', end: '2027-01-01' });
  });
});
