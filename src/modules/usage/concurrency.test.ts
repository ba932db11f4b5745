import { describe, expect, it } from 'vitest';
import type { Actor } from '@/platform/actions/actor';
import { executeAction } from '@/platform/actions/execute';
import { hostActor, seedOrg, useRacers, useTestDatabase } from '../../../tests/support/test-db';
import { ingestUsage } from './actions';
import { currentUsageAlerts } from './alerts';
import { periodOf } from './period';
import { dailyOf, event, monthlyOf, rawEventsOf, setPlan, thresholdEvents } from './test-fixtures';

// Batches that race. On PostgreSQL (TEST_DATABASE_URL) each runs in a transaction on a connection of
// its own; on PGlite (one connection) they take turns, and the totals must be exact all the same.

const t = useTestDatabase();
const racers = useRacers(t, 8);

const ingest = (events: unknown[], actor: Actor = hostActor) => executeAction(actor, ingestUsage, { events }, { db: racers.db });

describe('usage ingest under concurrency', () => {
  it('counts every idempotency key once when 8 overlapping batches arrive at once, and again', async () => {
    const org = await seedOrg(t.db);
    // 8 batches of 250: 200 keys shared by all (each batch in another order), 50 keys of its own.
    const shared = Array.from({ length: 200 }, (_, i) => event(org.organizationId, { idempotencyKey: `shared-${i}`, value: i % 7 }));
    const batches = Array.from({ length: 8 }, (_, b) => [
      ...shared.slice(b * 25).concat(shared.slice(0, b * 25)),
      ...Array.from({ length: 50 }, (_, i) => event(org.organizationId, { idempotencyKey: `own-${b}-${i}`, value: 1 })),
    ]);
    const expectedTotal = shared.reduce((sum, e) => sum + (e.value as number), 0) + 8 * 50;

    for (let round = 0; round < 2; round++) {
      const results = await Promise.all(batches.map((batch) => ingest(batch)));
      const accepted = results.reduce((sum, r) => sum + r.accepted, 0);
      expect(accepted).toBe(round === 0 ? 200 + 8 * 50 : 0);
      expect(results.reduce((sum, r) => sum + r.duplicates, 0)).toBe(8 * 250 - accepted);
    }
    expect((await dailyOf(t.db, org.organizationId)).reduce((sum, d) => sum + d.value, 0)).toBe(expectedTotal);
    expect(await monthlyOf(t.db, org.organizationId)).toEqual([{ month: periodOf(new Date()).start, value: expectedTotal }]);
    expect(await rawEventsOf(t.db, org.organizationId)).toHaveLength(200 + 8 * 50);
  });

  it('emits usage.threshold_reached once per threshold and period, when racing batches cross it together', async () => {
    const org = await seedOrg(t.db);
    await setPlan(t.db, org.organizationId, 'free'); // api_calls limit 10,000
    const before = (await thresholdEvents(t.db)).length;
    await ingest([event(org.organizationId, { value: 7_000 })]);
    expect(await thresholdEvents(t.db)).toHaveLength(before);
    // Six racers of 600: 7,000 → 10,600 crosses 80 % (8,000) and 100 % (10,000) among them.
    await Promise.all(Array.from({ length: 6 }, () => ingest([event(org.organizationId, { value: 600 })])));
    await ingest([event(org.organizationId, { value: 1 })]);
    const emitted = (await thresholdEvents(t.db)).slice(before).map((e) => e.payload as { organizationId: string; threshold: number; limit: number; used: number });
    expect(emitted.filter((e) => e.organizationId === org.organizationId).map((e) => e.threshold).sort()).toEqual([100, 80]);
    expect(emitted.every((e) => e.limit === 10_000 && e.used >= e.threshold * 100)).toBe(true);
    expect(await currentUsageAlerts(t.db, { id: org.organizationId, plan: 'free' })).toMatchObject([{ meter: 'api_calls', threshold: 100 }]);
    // After an upgrade the old alert no longer applies.
    expect(await currentUsageAlerts(t.db, { id: org.organizationId, plan: 'pro' })).toEqual([]);
  });
});
