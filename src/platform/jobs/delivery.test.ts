import { eq, inArray, isNull } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startReceiver, type Receiver } from '../../../tests/support/delivery-receiver';
import { registerHttpTestChannel, TEST_CHANNEL } from '../../../tests/support/http-test-channel';
import { useTestDatabase } from '../../../tests/support/test-db';
import { outbox } from '../actions/schema';
import { openPostgres } from '../db/open';
import type { DatabaseHandle } from '../db/types';
import { registerChannel, unregisterChannel } from './channels';
import { retryDelivery } from './deliver';
import { outboxWritten } from './nudge';
import { startJobs, type Jobs, type JobsOptions } from './runtime';
import { deliveries } from './schema';

const database = useTestDatabase();
// A sweep far away: the tests see the nudge and the queue at work, not the timer.
const FAST = { sweepIntervalMs: 600_000, maintenanceIntervalSeconds: 1 };
const DEADLINE = { timeout: 15_000, interval: 50 };

let receiver: Receiver;
const running: Jobs[] = [];
const extraHandles: DatabaseHandle[] = [];

beforeAll(async () => {
  receiver = await startReceiver();
  registerHttpTestChannel(receiver.url);
});
afterEach(async () => {
  await Promise.all(running.splice(0).map((jobs) => jobs.stop()));
  await Promise.all(extraHandles.splice(0).map((h) => h.close()));
  receiver.requests.length = 0;
  receiver.answer = () => 200;
});
afterAll(async () => {
  unregisterChannel(TEST_CHANNEL);
  await receiver.close();
});

async function jobsOn(handle: DatabaseHandle, options: JobsOptions = {}): Promise<Jobs> {
  const jobs = await startJobs(handle, { ...FAST, ...options });
  running.push(jobs);
  return jobs;
}

async function commitEvents(count: number, type = 'test.happened'): Promise<number[]> {
  const rows = await database.db
    .insert(outbox)
    .values(Array.from({ length: count }, (_, i) => ({ organizationId: 'org-delivery', type, payload: { n: i } })))
    .returning({ id: outbox.id });
  outboxWritten();
  return rows.map((r) => r.id);
}

async function deliveryRows(eventIds: number[]) {
  return database.db.select().from(deliveries).where(inArray(deliveries.eventId, eventIds));
}

describe('the outbox relay and the delivery queue', () => {
  it('delivers each committed event once, and marks the outbox rows as handed over', async () => {
    await jobsOn(database.handle);
    const ids = await commitEvents(25);

    await expect.poll(() => ids.filter((id) => receiver.accepted().get(id) === 1).length, DEADLINE).toBe(ids.length);
    await expect.poll(async () => (await deliveryRows(ids)).filter((d) => d.status === 'delivered').length, DEADLINE).toBe(ids.length);

    expect(receiver.requests.filter((r) => ids.includes(r.eventId))).toHaveLength(ids.length);
    const rows = await deliveryRows(ids);
    expect(rows.every((d) => d.channel === TEST_CHANNEL && d.target === receiver.url && d.attempts === 1 && d.lastResponse === 'HTTP 200' && d.deliveredAt)).toBe(true);
    expect(await database.db.select({ id: outbox.id }).from(outbox).where(isNull(outbox.deliveredAt))).toEqual([]);
  });

  it('a rolled-back event is never delivered', async () => {
    await jobsOn(database.handle);
    await database.db
      .transaction(async (tx) => {
        await tx.insert(outbox).values({ organizationId: 'org-delivery', type: 'test.rolled-back', payload: {} });
        throw new Error('roll back');
      })
      .catch(() => {});
    const [committed] = await commitEvents(1, 'test.after-rollback');

    await expect.poll(() => receiver.accepted().get(committed!), DEADLINE).toBe(1);
    expect(receiver.requests.map((r) => r.eventId)).toEqual([committed]);
  });

  it('a receiver answering 500 then 200 gets the event after a retry, both attempts recorded', async () => {
    receiver.answer = (_eventId, seenBefore) => (seenBefore === 0 ? 500 : 200);
    await jobsOn(database.handle);
    const [id] = await commitEvents(1);

    await expect.poll(async () => (await deliveryRows([id!]))[0]?.status, DEADLINE).toBe('delivered');
    const [row] = await deliveryRows([id!]);
    expect(row).toMatchObject({ attempts: 2, lastResponse: 'HTTP 200' });
    expect(receiver.requests.filter((r) => r.eventId === id).map((r) => r.status)).toEqual([500, 200]);
  });

  it('records a failed attempt with the time of the next one', async () => {
    receiver.answer = () => 503;
    await jobsOn(database.handle);
    const [id] = await commitEvents(1);

    await expect.poll(async () => (await deliveryRows([id!]))[0]?.attempts, DEADLINE).toBeGreaterThanOrEqual(1);
    const [row] = await database.db.select().from(deliveries).where(eq(deliveries.eventId, id!));
    expect(row).toMatchObject({ status: 'pending', lastResponse: 'HTTP 503', deliveredAt: null });
    expect(row!.nextAttemptAt!.getTime()).toBeGreaterThan(Date.now() - 1_000);
  });

  it('gives up once its channel\'s schedule is spent, and a person\'s retry then delivers it', async () => {
    registerHttpTestChannel(receiver.url, [0.1]);
    try {
      receiver.answer = () => 500;
      const jobs = await jobsOn(database.handle);
      const [id] = await commitEvents(1);

      await expect.poll(async () => (await deliveryRows([id!]))[0]?.status, DEADLINE).toBe('failed');
      const [failed] = await deliveryRows([id!]);
      expect(failed).toMatchObject({ attempts: 2, lastResponse: 'HTTP 500', nextAttemptAt: null, deliveredAt: null });
      expect(receiver.requests.filter((r) => r.eventId === id)).toHaveLength(2);

      receiver.answer = () => 200;
      expect(await retryDelivery(database.db, jobs.boss, failed!.id)).toBe(true);
      await expect.poll(async () => (await deliveryRows([id!]))[0]?.status, DEADLINE).toBe('delivered');
      expect((await deliveryRows([id!]))[0]).toMatchObject({ attempts: 3, lastResponse: 'HTTP 200' });
      expect(await retryDelivery(database.db, jobs.boss, 987_654_321)).toBe(false);
    } finally {
      registerHttpTestChannel(receiver.url);
    }
  });

  it('waits between attempts as the channel\'s schedule says', async () => {
    registerHttpTestChannel(receiver.url, [3600]);
    try {
      receiver.answer = () => 500;
      await jobsOn(database.handle);
      const [id] = await commitEvents(1);

      await expect.poll(async () => (await deliveryRows([id!]))[0]?.attempts, DEADLINE).toBe(1);
      const [row] = await deliveryRows([id!]);
      const wait = row!.nextAttemptAt!.getTime() - Date.now();
      expect(wait).toBeGreaterThan(3500_000);
      expect(wait).toBeLessThanOrEqual(3600_000);
      expect(row!.status).toBe('pending');
    } finally {
      registerHttpTestChannel(receiver.url);
    }
  });

  it('fans an event out into one delivery per target, the targets read in the relay transaction', async () => {
    const delivered: string[] = [];
    registerChannel('test-fan-out', {
      async targets(event, tx) {
        const [row] = await tx.select({ type: outbox.type }).from(outbox).where(eq(outbox.id, event.id));
        return [`${row!.type}/owner`, `${row!.type}/admin`, `${row!.type}/owner`];
      },
      retrySchedule: [],
      async deliver(event, target) {
        delivered.push(`${event.id} ${target}`);
        return { response: 'kept' };
      },
    });
    try {
      await jobsOn(database.handle);
      const [id] = await commitEvents(1, 'test.fanned');

      await expect.poll(() => delivered.toSorted(), DEADLINE).toEqual([`${id} test.fanned/admin`, `${id} test.fanned/owner`]);
      await expect.poll(async () => (await deliveryRows([id!])).filter((d) => d.status === 'delivered').length, DEADLINE).toBe(3);
    } finally {
      unregisterChannel('test-fan-out');
    }
  });

  it('two instances on one database deliver each event once', async () => {
    const second = database.handle.kind === 'postgres' ? await openPostgres(database.handle.url!, { migrate: false, max: 4 }) : database.handle;
    if (second !== database.handle) extraHandles.push(second);
    await Promise.all([jobsOn(database.handle), jobsOn(second)]);
    const ids = await commitEvents(120);
    await Promise.all(running.map((jobs) => jobs.relayNow()));

    await expect.poll(async () => (await deliveryRows(ids)).filter((d) => d.status === 'delivered').length, DEADLINE).toBe(ids.length);
    expect(ids.filter((id) => receiver.accepted().get(id) !== 1)).toEqual([]);
    expect(receiver.requests.filter((r) => ids.includes(r.eventId))).toHaveLength(ids.length);
  });
});
