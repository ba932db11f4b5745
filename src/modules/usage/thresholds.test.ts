import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { seedOrg, useTestDatabase } from '../../../tests/support/test-db';
import { addMonths, periodOf } from './period';
import { addToRollups } from './rollup';
import { rowsOf } from './test-fixtures';

const t = useTestDatabase();

const alertsOf = (organizationId: string) =>
  rowsOf<{ meter: string; period: string; threshold: number; limit: string }>(
    t.db,
    sql`select meter, to_char(period_start, 'YYYY-MM-DD') as period, threshold, limit_value::text as limit
        from usage_alert where organization_id = ${organizationId} order by period_start, meter, threshold`,
  );

describe('usage thresholds, recorded with the rollup', () => {
  it('records each threshold a period reaches against the plan’s limit once, within the scope’s months only', async () => {
    const org = await seedOrg(t.db);
    const thisMonth = periodOf(new Date()).start;
    const lastMonth = addMonths(thisMonth, -1);
    const scope = { plans: new Map([[org.organizationId, 'free']]), fromMonth: thisMonth }; // api_calls 10,000, storage_gb 1

    const first = await addToRollups(
      t.db,
      org.organizationId,
      [
        { meter: 'api_calls', day: lastMonth, value: 20_000 }, // over the limit, but before the scope
        { meter: 'api_calls', day: thisMonth, value: 7_999 }, // under 80 %
        { meter: 'storage_gb', day: thisMonth, value: 0.8 }, // exactly 80 %
      ],
      scope,
    );
    expect(first).toEqual([{ organizationId: org.organizationId, meter: 'storage_gb', periodStart: thisMonth, threshold: 80, limit: 1, used: 0.8 }]);

    const second = await addToRollups(t.db, org.organizationId, [{ meter: 'api_calls', day: thisMonth, value: 2_001 }, { meter: 'storage_gb', day: thisMonth, value: 0.1 }], scope);
    expect(second).toEqual([
      { organizationId: org.organizationId, meter: 'api_calls', periodStart: thisMonth, threshold: 80, limit: 10_000, used: 10_000 },
      { organizationId: org.organizationId, meter: 'api_calls', periodStart: thisMonth, threshold: 100, limit: 10_000, used: 10_000 },
    ]);
    expect(await alertsOf(org.organizationId)).toEqual([
      { meter: 'api_calls', period: thisMonth, threshold: 80, limit: '10000' },
      { meter: 'api_calls', period: thisMonth, threshold: 100, limit: '10000' },
      { meter: 'storage_gb', period: thisMonth, threshold: 80, limit: '1' },
    ]);
  });

  it('records nothing for an unlimited plan or without a scope', async () => {
    const org = await seedOrg(t.db);
    const day = periodOf(new Date()).start;
    expect(await addToRollups(t.db, org.organizationId, [{ meter: 'api_calls', day, value: 1e9 }], { plans: new Map([[org.organizationId, 'enterprise']]) })).toEqual([]);
    expect(await addToRollups(t.db, org.organizationId, [{ meter: 'storage_gb', day, value: 1e9 }])).toEqual([]);
    expect(await alertsOf(org.organizationId)).toEqual([]);
  });
});
