import { describe, expect, it } from 'vitest';
import { rangePresets, rangeQuery } from './presets';

const byId = (now: Date) => Object.fromEntries(rangePresets(now).map((p) => [p.id, { from: p.from, to: p.to }]));

describe('rangePresets', () => {
  it('gives whole calendar quarters and the year, in UTC', () => {
    expect(byId(new Date('2026-11-21T01:00:00Z'))).toEqual({
      'this-quarter': { from: '2026-10-01', to: '2026-12-31' },
      'last-quarter': { from: '2026-07-01', to: '2026-09-30' },
      'this-year': { from: '2026-01-01', to: '2026-12-31' },
    });
  });

  it('reaches into the previous year in the first quarter', () => {
    expect(byId(new Date('2026-02-10T00:00:00Z'))['last-quarter']).toEqual({ from: '2025-10-01', to: '2025-12-31' });
  });

  it('takes the UTC day, not the local one', () => {
    expect(byId(new Date('2026-03-31T23:30:00-02:00'))['this-quarter']).toEqual({ from: '2026-04-01', to: '2026-06-30' });
  });
});

describe('rangeQuery', () => {
  it('leaves out empty ends', () => {
    expect(rangeQuery({ from: '2026-07-01', to: '2026-09-30' })).toBe('?from=2026-07-01&to=2026-09-30');
    expect(rangeQuery({ to: '2026-09-30' })).toBe('?to=2026-09-30');
    expect(rangeQuery({})).toBe('');
  });
});
