import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startWebhookReceiver, type WebhookReceiver } from '../../../tests/support/webhook-receiver';
import { seedOrg, useTestDatabase } from '../../../tests/support/test-db';
import { auditLog, outbox } from '@/platform/actions/schema';
import { executeAction } from '@/platform/actions/execute';
import { registerChannel, unregisterChannel } from '@/platform/jobs/channels';
import { outboxWritten } from '@/platform/jobs/nudge';
import { startJobs, type Jobs } from '@/platform/jobs/runtime';
import { deliveries } from '@/platform/jobs/schema';
import { organization } from '@/platform/tenancy/schema';
import { webhookEndpoint } from './schema';
import { createWebhookEndpoint, deleteWebhookEndpoint, updateWebhookEndpoint, WEBHOOK_CHANNEL, webhookChannel, type WebhookChannelOptions } from './service';

const database = useTestDatabase();
const DEADLINE = { timeout: 15_000, interval: 50 };
const DAY = 24 * 3600 * 1000;
const host = { type: 'host', organizationId: null } as const;

let jobs: Jobs;
let org: { id: string; externalId: string };
const receivers: WebhookReceiver[] = [];

beforeAll(async () => {
  const seeded = await seedOrg(database.db);
  const [row] = await database.db.select({ id: organization.id, externalId: organization.externalId }).from(organization).where(eq(organization.id, seeded.organizationId));
  org = { id: row!.id, externalId: row!.externalId! };
  useChannel({ retrySchedule: [0.2, 0.2] });
  jobs = await startJobs(database.handle, { sweepIntervalMs: 600_000, maintenanceIntervalSeconds: 1 });
});
afterEach(async () => {
  await database.db.update(webhookEndpoint).set({ enabled: false });
  await Promise.all(receivers.splice(0).map((r) => r.close()));
  useChannel({ retrySchedule: [0.2, 0.2] });
});
afterAll(async () => {
  await jobs.stop();
  unregisterChannel(WEBHOOK_CHANNEL);
});

function useChannel(options: WebhookChannelOptions): void {
  registerChannel(WEBHOOK_CHANNEL, webhookChannel(options));
}

/** A receiver and the endpoint the host subscribed for it (through the real action). */
async function subscribe(events: string[], answer: WebhookReceiver['answer'] = () => 200) {
  const receiver = await startWebhookReceiver();
  receivers.push(receiver);
  receiver.answer = answer;
  const { endpoint } = await executeAction(host, createWebhookEndpoint, { url: receiver.url, events });
  receiver.secret = endpoint.secret;
  return { receiver, endpoint };
}

const memberRemoved = (n: number) => ({ type: 'team.member_removed', payload: { memberId: `m-${n}`, userId: `u-${n}`, role: 'member' } });
const invoiceIssued = (n: number) => ({ type: 'invoice.issued', payload: { organizationId: org.id, invoiceId: `inv-${n}`, number: `N-${n}`, total: 1200, currency: 'eur' } });

async function commit(...events: { type: string; payload: Record<string, unknown> }[]): Promise<string[]> {
  const rows = await database.db
    .insert(outbox)
    .values(events.map((e) => ({ organizationId: org.id, ...e })))
    .returning({ id: outbox.id });
  outboxWritten();
  return rows.map((r) => String(r.id));
}

async function deliveriesTo(endpointId: string) {
  return database.db.select().from(deliveries).where(and(eq(deliveries.channel, WEBHOOK_CHANNEL), eq(deliveries.target, endpointId)));
}

async function endpointRow(id: string) {
  const [row] = await database.db.select().from(webhookEndpoint).where(eq(webhookEndpoint.id, id));
  return row!;
}

describe('the webhook channel', () => {
  it('POSTs each event signed per Standard Webhooks, which the standardwebhooks package verifies', async () => {
    const { receiver, endpoint } = await subscribe(['team.member_removed']);
    const [id] = await commit(memberRemoved(1));

    await expect.poll(() => receiver.accepted(), DEADLINE).toEqual([id]);
    const [request] = receiver.requests;
    expect(request!.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(Math.abs(Number(request!.headers['webhook-timestamp']) - Date.now() / 1000)).toBeLessThan(60);
    expect(request!.body).toEqual({ id, type: 'team.member_removed', createdAt: expect.stringMatching(/Z$/), organization: org, data: memberRemoved(1).payload });
    await expect.poll(async () => (await deliveriesTo(endpoint.id))[0]?.status, DEADLINE).toBe('delivered');
    expect((await deliveriesTo(endpoint.id))[0]).toMatchObject({ attempts: 1, lastResponseStatus: 200 });
  });

  it('a body signed with another secret fails verification at the receiver (the check is real)', async () => {
    const { receiver } = await subscribe(['*']);
    receiver.secret = `whsec_${Buffer.from('another secret of 32 bytes ......').toString('base64')}`;
    const [id] = await commit(memberRemoved(2));

    await expect.poll(() => receiver.requests.length, DEADLINE).toBeGreaterThan(0);
    expect(receiver.requests[0]).toMatchObject({ id, verified: false, status: 401 });
  });

  it('a receiver answering 500 then 200 gets the event after a retry; the failure is recorded and then cleared', async () => {
    const { receiver, endpoint } = await subscribe(['*'], (_id, seenBefore) => (seenBefore === 0 ? 500 : 200));
    const [id] = await commit(memberRemoved(3));

    await expect.poll(async () => (await deliveriesTo(endpoint.id))[0]?.status, DEADLINE).toBe('delivered');
    expect(receiver.requests.map((r) => [r.id, r.status])).toEqual([
      [id, 500],
      [id, 200],
    ]);
    expect((await deliveriesTo(endpoint.id))[0]).toMatchObject({ attempts: 2, lastResponseStatus: 200 });
    expect((await endpointRow(endpoint.id)).failingSince).toBeNull();
  });

  it('sends each endpoint only the event types it subscribed to, and nothing to a disabled endpoint', async () => {
    const removals = await subscribe(['team.member_removed']);
    const everything = await subscribe(['*']);
    const disabled = await subscribe(['*']);
    await executeAction(host, updateWebhookEndpoint, { id: disabled.endpoint.id, enabled: false });
    const [removed, issued] = await commit(memberRemoved(4), invoiceIssued(4));
    // Not an event of config/events.ts: never delivered, not even to "*".
    await commit({ type: 'test.not_in_the_catalog', payload: {} });

    await expect.poll(() => everything.receiver.accepted().toSorted(), DEADLINE).toEqual([removed, issued].toSorted());
    await expect.poll(() => removals.receiver.accepted(), DEADLINE).toEqual([removed]);
    await jobs.relayNow();
    expect(disabled.receiver.requests).toEqual([]);
    expect(await deliveriesTo(disabled.endpoint.id)).toEqual([]);
    expect(everything.receiver.requests.map((r) => r.body.type).toSorted()).toEqual(['invoice.issued', 'team.member_removed']);
  });

  it('gives up at once on a delivery whose endpoint was deleted, but retries one whose endpoint is disabled', async () => {
    useChannel({ retrySchedule: [3600] });
    const deleted = await subscribe(['*'], () => 'hold');
    const disabled = await subscribe(['*'], () => 'hold');
    await database.db.update(webhookEndpoint).set({ enabled: true }).where(inArray(webhookEndpoint.id, [deleted.endpoint.id, disabled.endpoint.id]));
    // Relayed while both were enabled, attempted after the host deleted one and disabled the other.
    await jobs.stop();
    await commit(memberRemoved(6));
    jobs = await startJobs(database.handle, { sweepIntervalMs: 600_000, maintenanceIntervalSeconds: 1, work: false });
    await jobs.relayNow();
    await jobs.stop();
    await executeAction(host, deleteWebhookEndpoint, { id: deleted.endpoint.id });
    await executeAction(host, updateWebhookEndpoint, { id: disabled.endpoint.id, enabled: false });
    jobs = await startJobs(database.handle, { sweepIntervalMs: 600_000, maintenanceIntervalSeconds: 1 });

    await expect.poll(async () => (await deliveriesTo(deleted.endpoint.id))[0]?.status, DEADLINE).toBe('failed');
    expect((await deliveriesTo(deleted.endpoint.id))[0]).toMatchObject({ attempts: 1, lastResponse: 'The endpoint was deleted.', nextAttemptAt: null });
    await expect.poll(async () => (await deliveriesTo(disabled.endpoint.id))[0]?.attempts, DEADLINE).toBe(1);
    expect((await deliveriesTo(disabled.endpoint.id))[0]).toMatchObject({ status: 'pending', lastResponse: 'The endpoint is disabled.' });
    expect([...deleted.receiver.requests, ...disabled.receiver.requests]).toEqual([]);
  });

  it('a receiver that does not answer within the timeout is a failed attempt', async () => {
    useChannel({ retrySchedule: [60], timeoutMs: 300 });
    const { endpoint } = await subscribe(['*'], () => 'hold');
    await commit(memberRemoved(5));

    await expect.poll(async () => (await deliveriesTo(endpoint.id))[0]?.attempts, DEADLINE).toBe(1);
    expect((await deliveriesTo(endpoint.id))[0]).toMatchObject({ status: 'pending', lastResponse: 'No answer within 0.3 s', lastResponseStatus: null });
    expect((await endpointRow(endpoint.id)).failingSince).not.toBeNull();
  });

  it('disables an endpoint failing for 5 days straight and emits webhook_endpoint.disabled for the support team', async () => {
    let now = new Date('2026-12-01T00:00:00Z');
    useChannel({ retrySchedule: [], now: () => now });
    const { receiver, endpoint } = await subscribe(['*'], () => 503);
    const attempted = async (n: number) => {
      const [id] = await commit(memberRemoved(100 + n));
      await expect.poll(async () => (await database.db.select().from(deliveries).where(eq(deliveries.eventId, Number(id))))[0]?.status, DEADLINE).toBe('failed');
    };

    await attempted(1);
    expect((await endpointRow(endpoint.id)).failingSince).toEqual(now);
    now = new Date(now.getTime() + 5 * DAY - 60_000);
    await attempted(2);
    expect(await endpointRow(endpoint.id)).toMatchObject({ enabled: true, failingSince: new Date('2026-12-01T00:00:00Z') });

    now = new Date('2026-12-06T00:00:00Z');
    await attempted(3);
    await expect.poll(async () => (await endpointRow(endpoint.id)).enabled, DEADLINE).toBe(false);
    expect((await endpointRow(endpoint.id)).disabledAt).not.toBeNull();
    const notices = await database.db.select().from(outbox).where(eq(outbox.type, 'webhook_endpoint.disabled'));
    const notice = notices.find((n) => (n.payload as { endpointId: string }).endpointId === endpoint.id);
    expect(notice!.payload).toEqual({ endpointId: endpoint.id, url: receiver.url, failingSince: '2026-12-01T00:00:00.000Z' });
    const audit = await database.db.select().from(auditLog).where(and(eq(auditLog.action, 'system.disable_webhook_endpoint'), eq(auditLog.entityId, endpoint.id)));
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain(receiver.secret);

    const before = receiver.requests.length;
    await commit(memberRemoved(104));
    await jobs.relayNow();
    expect(receiver.requests).toHaveLength(before);

    // Enabled again by the host: its failure count starts afresh.
    await executeAction(host, updateWebhookEndpoint, { id: endpoint.id, enabled: true });
    expect(await endpointRow(endpoint.id)).toMatchObject({ enabled: true, failingSince: null, disabledAt: null });
  });

  it('a success in between starts the 5 days afresh', async () => {
    let now = new Date('2026-12-01T00:00:00Z');
    useChannel({ retrySchedule: [], now: () => now });
    let status = 500;
    const { endpoint } = await subscribe(['*'], () => status);
    const settled = async (n: number) => {
      const [id] = await commit(memberRemoved(200 + n));
      await expect.poll(async () => (await database.db.select().from(deliveries).where(inArray(deliveries.eventId, [Number(id)])))[0]?.status, DEADLINE).toBeOneOf(['delivered', 'failed']);
    };
    await settled(1);
    now = new Date('2026-12-04T00:00:00Z');
    status = 200;
    await settled(2);
    expect((await endpointRow(endpoint.id)).failingSince).toBeNull();
    now = new Date('2026-12-07T00:00:00Z');
    status = 500;
    await settled(3);
    expect(await endpointRow(endpoint.id)).toMatchObject({ enabled: true, failingSince: now });
  });
});
