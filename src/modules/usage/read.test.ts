import { describe, expect, it } from 'vitest';
import type { Meter } from '@config/usage';
import { seedOrg, useTestDatabase } from '../../../tests/support/test-db';
import { seriesCsv } from './csv';
import { forecastNextPeriod, usageOverview, usageSeries } from './read';
import { addToRollups } from './rollup';

const t = useTestDatabase();
const NOW = new Date('2026-03-15T12:00:00Z');

async function lay(organizationId: string, rows: [day: string, value: number, meter?: Meter][]) {
  await addToRollups(t.db, organizationId, rows.map(([day, value, meter]) => ({ meter: meter ?? 'api_calls', day, value })));
}

describe('usage reads', () => {
  it('30 daily points ending today (UTC), zeros filled, and only this organization’s', async () => {
    const org = await seedOrg(t.db);
    const other = await seedOrg(t.db);
    await lay(org.organizationId, [['2026-02-13', 999], ['2026-02-14', 1], ['2026-03-01', 20], ['2026-03-15', 5], ['2026-03-16', 999], ['2026-03-10', 2.5, 'storage_gb']]);
    await lay(other.organizationId, [['2026-03-15', 777]]);
    const result = await usageSeries(t.db, { id: org.organizationId, plan: 'pro' }, 'api_calls', '30d', NOW);
    expect(result.series).toHaveLength(30);
    expect(result.series[0]).toEqual({ date: '2026-02-14', value: 1 });
    expect(result.series.at(-1)).toEqual({ date: '2026-03-15', value: 5 });
    expect(result.series.filter((p) => p.value !== 0)).toEqual([{ date: '2026-02-14', value: 1 }, { date: '2026-03-01', value: 20 }, { date: '2026-03-15', value: 5 }]);
    expect(result).toMatchObject({ meter: 'api_calls', unit: 'calls', limit: 500_000, total: 26 });
  });

  it('12 monthly points ending this month, zeros filled, months split on the first in UTC', async () => {
    const org = await seedOrg(t.db);
    await lay(org.organizationId, [['2025-03-31', 999], ['2025-04-01', 3], ['2025-04-30', 4], ['2025-12-31', 10], ['2026-01-01', 100], ['2026-03-15', 0.5]]);
    const result = await usageSeries(t.db, { id: org.organizationId, plan: 'enterprise' }, 'api_calls', '12m', NOW);
    expect(result.series.map((p) => p.date)).toEqual(['2025-04-01', '2025-05-01', '2025-06-01', '2025-07-01', '2025-08-01', '2025-09-01', '2025-10-01', '2025-11-01', '2025-12-01', '2026-01-01', '2026-02-01', '2026-03-01']);
    expect(result.series.map((p) => p.value)).toEqual([7, 0, 0, 0, 0, 0, 0, 0, 10, 100, 0, 0.5]);
    expect(result).toMatchObject({ limit: null, total: 117.5 });
  });

  it('the CSV holds exactly the series: header date,value, one row per point', async () => {
    const org = await seedOrg(t.db);
    await lay(org.organizationId, [['2026-03-02', 1234567], ['2026-03-03', 0.1, 'storage_gb'], ['2026-03-04', 0.2, 'storage_gb']]);
    for (const meter of ['api_calls', 'storage_gb'] as const) {
      for (const range of ['30d', '12m'] as const) {
        const { series } = await usageSeries(t.db, { id: org.organizationId, plan: 'pro' }, meter, range, NOW);
        const csv = seriesCsv(series);
        expect(csv.split('\n')[0]).toBe('date,value');
        const rows = csv.trimEnd().split('\n').slice(1).map((line) => line.split(','));
        expect(rows.map(([date, value]) => ({ date, value: Number(value) }))).toEqual(series);
        expect(rows.map(([, value]) => value)).toEqual(series.map((p) => String(p.value)));
      }
    }
    const { series } = await usageSeries(t.db, { id: org.organizationId, plan: 'pro' }, 'storage_gb', '12m', NOW);
    expect(series.at(-1)).toEqual({ date: '2026-03-01', value: 0.3 });
  });

  it('this period against the limit, and the forecast at the current run rate', async () => {
    const org = await seedOrg(t.db);
    await lay(org.organizationId, [['2026-02-28', 50_000], ['2026-03-01', 200_000], ['2026-03-14', 250_000]]);
    const { meters } = await usageOverview(t.db, { id: org.organizationId, plan: 'pro' }, NOW);
    expect(meters[0]).toEqual({ meter: 'api_calls', label: 'API calls', unit: 'calls', used: 450_000, limit: 500_000, percent: 90, period: { start: '2026-03-01', end: '2026-04-01' } });
    expect(meters[1]).toMatchObject({ meter: 'storage_gb', used: 0, limit: 100, percent: 0 });
    // 450,000 in 15 days (1–15 March) → 30,000 a day × 30 days of April.
    const series = await usageSeries(t.db, { id: org.organizationId, plan: 'pro' }, 'api_calls', '30d', NOW);
    expect(series.forecastNextPeriod).toBe(900_000);
    expect(series.forecast.method).toBe('Run rate of this period: 450,000 calls used in 15 days, divided by 15 and multiplied by the 30 days of the next period.');
    expect(forecastNextPeriod(31, new Date('2026-01-31T23:59:59Z'), 'calls').value).toBe(28); // February 2026: 28 days
  });
});
