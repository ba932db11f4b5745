import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTeam } from '../../../tests/support/team-fixtures';
import { useTestDatabase } from '../../../tests/support/test-db';
import { outbox } from '@/platform/actions/schema';
import { registeredChannels, unregisterChannel, type DeliveryEvent } from '@/platform/jobs/channels';
import { outboxWritten } from '@/platform/jobs/nudge';
import { startJobs } from '@/platform/jobs/runtime';
import { IN_APP, inAppChannel, registerInAppChannel } from './in-app';
import { notificationPreferences, notifications } from './schema';

const t = useTestDatabase();

const usagePayload = (organizationId: string) => ({
  organizationId,
  meter: 'api_calls',
  threshold: 80,
  used: 412_345,
  limit: 500_000,
  period: { start: '2026-12-01', end: '2027-01-01' },
});

/** A committed outbox row, as an action leaves it. */
async function commit(organizationId: string, type: string, payload: Record<string, unknown>): Promise<DeliveryEvent> {
  const [row] = await t.db.insert(outbox).values({ organizationId, type, payload }).returning();
  return { id: row!.id, organizationId, type, payload, createdAt: row!.createdAt };
}

function rowsOf(eventId: number) {
  return t.db.select().from(notifications).where(eq(notifications.eventId, eventId));
}

describe('the in-app channel', () => {
  it('targets the people concerned who want it in the portal, nobody of another organization', async () => {
    const team = await seedTeam(t.db, ['admin', 'billing', 'member', 'viewer']);
    const other = await seedTeam(t.db, ['admin', 'billing']);
    const [admin, billing] = team.members;
    await t.db.insert(notificationPreferences).values({ userId: admin!.userId, organizationId: team.organizationId, event: 'usage.threshold_reached', channel: 'in_app', enabled: false });
    // The same choice in another organization is not this one's.
    await t.db.insert(notificationPreferences).values({ userId: billing!.userId, organizationId: other.organizationId, event: 'usage.threshold_reached', channel: 'in_app', enabled: false });

    const event = await commit(team.organizationId, 'usage.threshold_reached', usagePayload(team.organizationId));
    const targets = await inAppChannel.targets(event, t.db);
    expect(targets.toSorted()).toEqual([`user:${team.owner.userId}`, `user:${billing!.userId}`].toSorted());

    // An event of no person (webhook only) and one the catalog does not know reach nobody.
    expect(await inAppChannel.targets(await commit(team.organizationId, 'organization.created', { organizationId: team.organizationId, source: 'host' }), t.db)).toEqual([]);
    expect(await inAppChannel.targets(await commit(team.organizationId, 'made.up', {}), t.db)).toEqual([]);
  });

  it('a locked security notice reaches its people even when they switched it off', async () => {
    const team = await seedTeam(t.db, ['admin']);
    await t.db.insert(notificationPreferences).values({ userId: team.owner.userId, organizationId: team.organizationId, event: 'api_key.revoked', channel: 'in_app', enabled: false });
    const event = await commit(team.organizationId, 'api_key.revoked', { keyId: 'k1', prefix: 'dfl_abc' });
    expect((await inAppChannel.targets(event, t.db)).toSorted()).toEqual([`user:${team.owner.userId}`, `user:${team.members[0]!.userId}`].toSorted());
  });

  it('writes one notification per person, even when delivered twice, with its title, body and link', async () => {
    const team = await seedTeam(t.db);
    const event = await commit(team.organizationId, 'usage.threshold_reached', usagePayload(team.organizationId));
    const target = `user:${team.owner.userId}`;

    expect(await inAppChannel.deliver(event, target)).toEqual({ response: 'notified' });
    expect(await inAppChannel.deliver(event, target)).toEqual({ response: 'already notified' });

    const rows = await rowsOf(event.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      organizationId: team.organizationId,
      userId: team.owner.userId,
      type: 'usage.threshold_reached',
      title: 'API calls at 80 % of the limit',
      body: '412,345 of 500,000 calls used this billing period (it renews on 1 Jan 2027). Upgrade your plan before you reach it.',
      link: '/account/usage',
      readAt: null,
    });
  });

  it('words money with the project’s money helpers and links an invoice to its page', async () => {
    const team = await seedTeam(t.db);
    const event = await commit(team.organizationId, 'invoice.issued', { organizationId: team.organizationId, invoiceId: 'inv_1', number: 'ACME-0007', total: 24_500, currency: 'eur' });
    await inAppChannel.deliver(event, `user:${team.owner.userId}`);
    expect((await rowsOf(event.id))[0]).toMatchObject({ title: 'Invoice issued', body: 'Invoice ACME-0007 for €245.00 was issued.', link: '/account/invoices/inv_1' });
  });

  it('refuses a target that is not a person, so the delivery is retried rather than lost', async () => {
    const team = await seedTeam(t.db);
    const event = await commit(team.organizationId, 'usage.threshold_reached', usagePayload(team.organizationId));
    await expect(inAppChannel.deliver(event, 'https://example.test/hook')).rejects.toThrow('not an in-app target');
    expect(await rowsOf(event.id)).toEqual([]);
    expect(inAppChannel.retrySchedule.every((seconds) => seconds <= 600)).toBe(true);
  });
});

describe('the in-app channel behind the queue', () => {
  beforeAll(() => registerInAppChannel());
  afterAll(() => unregisterChannel(IN_APP));

  it('turns a committed event into the notifications of its people, once each', async () => {
    expect(registeredChannels().map(([name]) => name)).toContain(IN_APP);
    const team = await seedTeam(t.db, ['admin', 'member']);
    const jobs = await startJobs(t.handle, { sweepIntervalMs: 600_000, maintenanceIntervalSeconds: 1 });
    try {
      const event = await commit(team.organizationId, 'billing.details_changed', { organizationId: team.organizationId, fields: ['billingEmail'], billingEmail: { from: 'old@example.test', to: 'new@example.test' } });
      outboxWritten();
      await expect.poll(async () => (await rowsOf(event.id)).length, { timeout: 15_000, interval: 50 }).toBe(1);
      const [row] = await rowsOf(event.id);
      expect(row).toMatchObject({ userId: team.owner.userId, title: 'Billing details changed', body: 'The billing email on file was updated.', link: '/account/billing' });
      await jobs.relayNow();
      expect(await t.db.select().from(notifications).where(inArray(notifications.organizationId, [team.organizationId]))).toHaveLength(1);
    } finally {
      await jobs.stop();
    }
  });
});
