import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog } from '@/platform/actions/schema';
import { organization } from '@/platform/tenancy/schema';
import type { Actor } from '@/platform/actions/actor';
import { executeAction } from '@/platform/actions/execute';
import { AppError } from '@/platform/http/errors';
import { rejectionOf } from '../../../tests/support/errors';
import { hostActor, seedOrg, useTestDatabase } from '../../../tests/support/test-db';
import { ingestUsage } from './actions';
import { addDays, addMonths, monthStart, periodOf, utcDay } from './period';
import { usageOverview } from './read';
import { dailyOf, event, key, monthlyOf, rawEventsOf, rowsOf } from './test-fixtures';

const t = useTestDatabase();
const ingest = (events: unknown[], actor: Actor = hostActor) => executeAction(actor, ingestUsage, { events });

describe('usage ingest', () => {
  it('keeps each event raw and adds it to its organization, meter and UTC day, exactly (decimals too)', async () => {
    const org = await seedOrg(t.db);
    const result = await ingest([event(org.organizationId, { value: 40 }), event(org.organizationId, { value: 2 }), event(org.organizationId, { meter: 'storage_gb', value: 0.1 }), event(org.organizationId, { meter: 'storage_gb', value: 0.2 })]);
    expect(result).toEqual({ accepted: 4, duplicates: 0, rejected: [] });
    expect(await dailyOf(t.db, org.organizationId)).toEqual([{ day: utcDay(new Date()), value: 42 }]);
    expect(await dailyOf(t.db, org.organizationId, 'storage_gb')).toEqual([{ day: utcDay(new Date()), value: 0.3 }]);
    expect(await rawEventsOf(t.db, org.organizationId)).toHaveLength(4);
  });

  it('rolls up to the same decimal total as PostgreSQL sums the raw events: past 2^53, tiny fractions, mixed', async () => {
    const org = await seedOrg(t.db);
    const values = [999_999_999_999_999, 999_999_999_999_999, 999_999_999_999_999, 1e-7, 0.1, 0.2, 1.5, 123_456.789, 3];
    expect(await ingest(values.map((value) => event(org.organizationId, { value })))).toMatchObject({ accepted: values.length });
    const [sums] = await rowsOf<{ raw: string; daily: string; monthly: string }>(
      t.db,
      sql`select (select sum(value) from usage_event where organization_id = ${org.organizationId})::text as raw,
                 (select sum(value) from usage_daily where organization_id = ${org.organizationId})::text as daily,
                 (select sum(value) from usage_monthly where organization_id = ${org.organizationId})::text as monthly`,
    );
    expect(sums!.raw).toBe('3000000000123458.5890001');
    expect(sums).toEqual({ raw: sums!.raw, daily: sums!.raw, monthly: sums!.raw });
  });

  it('stores keys verbatim, quotes, backslashes, commas and braces included, and counts them once', async () => {
    const org = await seedOrg(t.db);
    // Sent as one array literal each: the first batch quotes its elements, the second needs escaping too.
    const batches = [
      ['{brace},comma', 'NULL', 'in ner', 'ünï ✓'],
      ['a"quote', 'back\\slash', '\\"{,}'],
    ];
    for (const keys of batches) {
      const batch = keys.map((idempotencyKey) => event(org.organizationId, { idempotencyKey }));
      expect(await ingest(batch)).toEqual({ accepted: keys.length, duplicates: 0, rejected: [] });
      expect(await ingest(batch)).toEqual({ accepted: 0, duplicates: keys.length, rejected: [] });
    }
    const stored = await rowsOf<{ key: string }>(t.db, sql`select idempotency_key as key from usage_event where organization_id = ${org.organizationId}`);
    expect(stored.map((r) => r.key).sort()).toEqual(batches.flat().sort());
  });

  it('keeps the idempotency key columns in the bytewise "C" collation (the primary key compares them for every event)', async () => {
    const columns = await rowsOf<{ column: string; collation: string | null }>(
      t.db,
      sql`select column_name as column, collation_name as collation from information_schema.columns
          where table_name = 'usage_event' and column_name in ('organization_id', 'idempotency_key', 'meter') order by 1`,
    );
    expect(columns).toEqual(['idempotency_key', 'meter', 'organization_id'].map((column) => ({ column, collation: 'C' })));
  });

  it('refuses a batch naming a key with a NUL character (PostgreSQL text cannot hold it) with a 422, storing nothing', async () => {
    const org = await seedOrg(t.db);
    const refused = await ingest([event(org.organizationId), event(org.organizationId, { idempotencyKey: 'a\u0000b' })]).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: 'validation_failed', fields: { 'events.1.idempotencyKey': expect.stringContaining('NUL') } });
    expect(await rawEventsOf(t.db, org.organizationId)).toHaveLength(0);
  });

  it('counts an idempotency key once, within a batch and across repeated batches, forever', async () => {
    const org = await seedOrg(t.db);
    const batch = [event(org.organizationId, { value: 5, idempotencyKey: 'a' }), event(org.organizationId, { value: 7, idempotencyKey: 'b' }), event(org.organizationId, { value: 100, idempotencyKey: 'a' })];
    expect(await ingest(batch)).toEqual({ accepted: 2, duplicates: 1, rejected: [] });
    expect(await ingest(batch)).toEqual({ accepted: 0, duplicates: 3, rejected: [] });
    // The same key on another meter, or in another organization, is another event.
    const other = await seedOrg(t.db);
    expect(await ingest([event(org.organizationId, { meter: 'storage_gb', idempotencyKey: 'a' }), event(other.organizationId, { idempotencyKey: 'a' })])).toMatchObject({ accepted: 2 });
    expect((await dailyOf(t.db, org.organizationId))[0]!.value).toBe(12);
    expect(await rawEventsOf(t.db, org.organizationId)).toHaveLength(3);
  });

  it('names an organization by its external id', async () => {
    const org = await seedOrg(t.db);
    const [row] = await t.db.select({ externalId: organization.externalId }).from(organization).where(eq(organization.id, org.organizationId));
    const { organizationId: _, ...rest } = event(org.organizationId, { value: 3 });
    expect(await ingest([{ ...rest, organizationExternalId: row!.externalId }])).toMatchObject({ accepted: 1 });
    expect((await dailyOf(t.db, org.organizationId))[0]!.value).toBe(3);
  });

  it('rejects bad events one by one, keeps the good ones, and stores nothing of a rejected one', async () => {
    const org = await seedOrg(t.db);
    const now = Date.now();
    const result = await ingest([
      event(org.organizationId, { value: 10 }),
      event(org.organizationId, { meter: 'gpu_hours' }),
      event('no-such-org'),
      event(org.organizationId, { value: -1 }),
      event(org.organizationId, { timestamp: new Date(now - 36 * 86_400_000).toISOString() }),
      event(org.organizationId, { timestamp: new Date(now + 10 * 60_000).toISOString() }),
      { meter: 'api_calls', value: 1, timestamp: new Date().toISOString(), idempotencyKey: key() },
      event(org.organizationId, { value: 5, timestamp: new Date(now - 34 * 86_400_000).toISOString() }),
    ]);
    expect(result.accepted).toBe(2);
    expect(result.rejected.map((r) => [r.index, r.code])).toEqual([
      [1, 'unknown_meter'],
      [2, 'unknown_organization'],
      [3, 'negative_value'],
      [4, 'timestamp_too_old'],
      [5, 'timestamp_in_future'],
      [6, 'unknown_organization'],
    ]);
    expect(result.rejected.every((r) => r.message.length > 0)).toBe(true);
    expect((await rawEventsOf(t.db, org.organizationId)).map((e) => e.value).sort()).toEqual([10, 5]);
  });

  it('refuses a malformed batch whole (422): a non-numeric value, over 1000 events; nothing is stored', async () => {
    const org = await seedOrg(t.db);
    const nonNumeric = await rejectionOf(ingest([event(org.organizationId), event(org.organizationId, { value: '12' })]));
    expect(nonNumeric).toBeInstanceOf(AppError);
    expect((nonNumeric as AppError).code).toBe('validation_failed');
    expect((nonNumeric as AppError).fields).toHaveProperty(['events.1.value']);
    const tooMany = await rejectionOf(ingest(Array.from({ length: 1001 }, () => event(org.organizationId))));
    expect((tooMany as AppError).fields).toHaveProperty(['events']);
    expect(await rawEventsOf(t.db, org.organizationId)).toHaveLength(0);
  });

  it('splits at UTC midnight and at the first of the month in UTC', async () => {
    const days = await seedOrg(t.db);
    const day = addDays(utcDay(new Date()), -10);
    await ingest([
      event(days.organizationId, { timestamp: `${day}T00:00:00.000Z`, value: 1 }),
      event(days.organizationId, { timestamp: `${day}T23:59:59.999Z`, value: 2 }),
      event(days.organizationId, { timestamp: `${addDays(day, 1)}T00:00:00.000Z`, value: 4 }),
      event(days.organizationId, { timestamp: `${day}T23:30:00-01:00`, value: 8 }), // 00:30 UTC the next day
    ]);
    expect(await dailyOf(t.db, days.organizationId)).toEqual([
      { day, value: 3 },
      { day: addDays(day, 1), value: 12 },
    ]);

    const months = await seedOrg(t.db);
    const first = periodOf(new Date()).start;
    await ingest([
      event(months.organizationId, { timestamp: `${addDays(first, -1)}T23:59:59.999Z`, value: 100 }),
      event(months.organizationId, { timestamp: `${first}T00:00:00.000Z`, value: 7 }),
    ]);
    const { meters } = await usageOverview(t.db, { id: months.organizationId, plan: 'pro' });
    expect(meters.find((m) => m.meter === 'api_calls')).toMatchObject({ used: 7, limit: 500_000, percent: 0, period: periodOf(new Date()) });
    expect(await monthlyOf(t.db, months.organizationId)).toEqual([
      { month: addMonths(first, -1), value: 100 },
      { month: first, value: 7 },
    ]);
  });

  it('keeps each month’s total equal to the sum of its days, over repeated and half-duplicate batches', async () => {
    const org = await seedOrg(t.db);
    const first = periodOf(new Date()).start;
    const stamps = [`${addDays(first, -3)}T10:00:00.000Z`, `${addDays(first, -1)}T23:00:00.000Z`, new Date().toISOString()];
    const batch = stamps.map((timestamp, i) => event(org.organizationId, { timestamp, value: 10 ** i, idempotencyKey: `month-${i}` }));
    await ingest(batch.slice(0, 2));
    expect(await ingest(batch)).toEqual({ accepted: 1, duplicates: 2, rejected: [] }); // two keys known: the slower path
    const days = await dailyOf(t.db, org.organizationId);
    const byMonth = new Map<string, number>();
    for (const d of days) byMonth.set(monthStart(d.day), (byMonth.get(monthStart(d.day)) ?? 0) + d.value);
    expect(await monthlyOf(t.db, org.organizationId)).toEqual([...byMonth].map(([month, value]) => ({ month, value })));
    expect(days.reduce((sum, d) => sum + d.value, 0)).toBe(111);
  });

  it('deleting an organization deletes its raw events and rollups, and no one else’s', async () => {
    const gone = await seedOrg(t.db);
    const kept = await seedOrg(t.db);
    await ingest([event(gone.organizationId, { idempotencyKey: 'same' }), event(kept.organizationId, { idempotencyKey: 'same' })]);
    await t.db.delete(organization).where(eq(organization.id, gone.organizationId));
    expect(await rawEventsOf(t.db, gone.organizationId)).toEqual([]);
    expect(await dailyOf(t.db, gone.organizationId)).toEqual([]);
    expect(await monthlyOf(t.db, gone.organizationId)).toEqual([]);
    expect(await rawEventsOf(t.db, kept.organizationId)).toHaveLength(1);
  });

  it('an API key reports for its own organization only; events without an organization are its own', async () => {
    const mine = await seedOrg(t.db);
    const theirs = await seedOrg(t.db);
    const keyActor: Actor = { type: 'api_key', keyId: 'key-1', organizationId: mine.organizationId, scopes: ['usage:write'] };
    const { organizationId: _, ...unnamed } = event(mine.organizationId, { value: 9 });
    const result = await ingest([unnamed, event(theirs.organizationId, { value: 50 })], keyActor);
    expect(result.accepted).toBe(1);
    expect(result.rejected).toEqual([{ index: 1, code: 'unknown_organization', message: 'No such organization.' }]);
    expect(await rawEventsOf(t.db, theirs.organizationId)).toHaveLength(0);
    const refused = await rejectionOf(ingest([unnamed], { ...keyActor, scopes: ['usage:read'] }));
    expect((refused as AppError).code).toBe('forbidden');
  });

  it('writes one audit row per batch, with counts and not the events, also for a re-sent batch', async () => {
    const org = await seedOrg(t.db);
    const batch = [event(org.organizationId), event(org.organizationId), event(org.organizationId, { meter: 'nope' })];
    await ingest(batch);
    const rows = await t.db.select().from(auditLog).where(eq(auditLog.organizationId, org.organizationId));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'host.ingest_usage', actorType: 'host', entityType: 'usage_batch' });
    expect(rows[0]!.after).toEqual({ events: 3, accepted: 2, duplicates: 0, rejected: 1, organizations: 1 });
    await ingest(batch); // its known keys fail the plain insert, and the batch takes the slower path: still one row
    const afterResend = await t.db.select().from(auditLog).where(eq(auditLog.organizationId, org.organizationId));
    expect(afterResend.map((r) => r.after)).toContainEqual({ events: 3, accepted: 0, duplicates: 2, rejected: 1, organizations: 1 });
    expect(afterResend).toHaveLength(2);
  });

  it('another organization sees none of it', async () => {
    const org = await seedOrg(t.db);
    const other = await seedOrg(t.db);
    await ingest([event(org.organizationId, { value: 1234 })]);
    const { meters } = await usageOverview(t.db, { id: other.organizationId, plan: 'pro' });
    expect(meters.map((m) => m.used)).toEqual([0, 0]);
  });
});
