import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerChannels } from '@/channels';
import { outbox } from '@/platform/actions/schema';
import { executeAction } from '@/platform/actions/execute';
import { portalUrlFor } from '@/platform/http/portal-url';
import { unregisterChannel } from '@/platform/jobs/channels';
import { outboxWritten } from '@/platform/jobs/nudge';
import { startJobs, type Jobs } from '@/platform/jobs/runtime';
import { deliveries } from '@/platform/jobs/schema';
import { useSmtpSink } from '../../../tests/support/mail-fixtures';
import { startSlackReceiver, type SlackReceiver } from '../../../tests/support/slack-receiver';
import { seedStaff } from '../../../tests/support/staff-fixtures';
import { seedOrg, useTestDatabase } from '../../../tests/support/test-db';
import { sendTestNotification, SUPPORT_CHANNELS, updateNotificationRules } from './service';

// The support team's channels end to end: rules saved by a lead, events committed to the outbox, the
// queue delivering to a real HTTP server standing in for Slack and to the SMTP sink.

const t = useTestDatabase();
const mail = useSmtpSink();
const DEADLINE = { timeout: 15_000, interval: 50 };
const ADDRESSES = ['support@alerts.example', 'oncall@alerts.example'];

let slack: SlackReceiver;
let jobs: Jobs;
let org: Awaited<ReturnType<typeof seedOrg>>;
let lead: Awaited<ReturnType<typeof seedStaff>>;

beforeAll(async () => {
  slack = await startSlackReceiver();
  registerChannels();
  org = await seedOrg(t.db, { name: 'Acme <Alerts> & Co' });
  lead = await seedStaff(t.db, 'lead');
  await executeAction(lead, updateNotificationRules, {
    rules: [
      { event: 'subscription.changed', slack: [slack.url], email: ADDRESSES, console: true },
      { event: 'organization.created', slack: [slack.url], email: [], console: true },
      { event: 'usage.threshold_reached', slack: [slack.url], email: [], console: true },
    ],
  });
  jobs = await startJobs(t.handle, { sweepIntervalMs: 600_000, maintenanceIntervalSeconds: 1 });
});

afterAll(async () => {
  await jobs.stop();
  await slack.close();
  for (const name of Object.values(SUPPORT_CHANNELS)) unregisterChannel(name);
});

async function commit(type: string, organizationId: string | null, payload: Record<string, unknown> = {}): Promise<number> {
  const [row] = await t.db.insert(outbox).values({ organizationId, type, payload }).returning({ id: outbox.id });
  outboxWritten();
  return row!.id;
}

// The support team's deliveries of an event (src/channels.ts registers the customers' channels too).
const deliveriesOf = (eventId: number) =>
  t.db
    .select()
    .from(deliveries)
    .where(and(eq(deliveries.eventId, eventId), inArray(deliveries.channel, Object.values(SUPPORT_CHANNELS))));
const slackTexts = () => slack.posts.map((p) => String(p.body.text));

describe('the slack and support_email channels', () => {
  it('posts the event’s label, the customer and a link to their console page to Slack, and mails each support address', async () => {
    const id = await commit('subscription.changed', org.organizationId);
    const link = portalUrlFor(`/admin/customers/${org.organizationId}`);

    await expect.poll(() => slackTexts().filter((text) => text.includes(link)).length, DEADLINE).toBe(1);
    const [post] = slack.posts.filter((p) => String(p.body.text).includes(link));
    expect(post!.path).toBe(new URL(slack.url).pathname);
    expect(post!.body.text).toContain('*Plan or subscription changed*');
    expect(post!.body.text).toContain('Acme &lt;Alerts&gt; &amp; Co');
    expect(post!.body.text).toContain(`<${link}|Open Acme &lt;Alerts&gt; &amp; Co in the staff console>`);

    for (const address of ADDRESSES) {
      const received = await mail.sink.waitForMail((m) => m.to.includes(address));
      expect(received.subject).toBe('Plan or subscription changed: Acme <Alerts> & Co');
      expect(mail.sink.linkIn(received, '/admin/customers/')).toBe(link);
    }
    await expect.poll(async () => (await deliveriesOf(id)).filter((d) => d.status === 'delivered').length, DEADLINE).toBe(3);
  });

  it('names the Slack URL in the deliveries table by its id, never the URL itself', async () => {
    const id = await commit('subscription.changed', org.organizationId);
    await expect.poll(async () => (await deliveriesOf(id)).length, DEADLINE).toBe(3);
    const rows = await deliveriesOf(id);
    const slackRow = rows.find((d) => d.channel === 'slack')!;
    expect(slackRow.target).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.stringify(rows)).not.toContain(new URL(slack.url).pathname);
    expect(JSON.stringify(rows)).not.toContain(new URL(slack.url).host);
    expect(rows.filter((d) => d.channel === 'support_email').map((d) => d.target).toSorted()).toEqual(ADDRESSES.toSorted());
  });

  it('links an event without a customer to the console’s home', async () => {
    await commit('organization.created', null, { organizationId: 'none', source: 'host' });
    await expect.poll(() => slackTexts().filter((text) => text.startsWith('*Organization created*')), DEADLINE).toEqual([`*Organization created*\n<${portalUrlFor('/admin')}|Open the staff console>`]);
  });

  it('sends nothing for an event whose rule names no Slack URL or address (the default)', async () => {
    const id = await commit('invoice.issued', org.organizationId);
    const marker = await commit('organization.created', null);
    await expect.poll(async () => (await deliveriesOf(marker)).length, DEADLINE).toBe(1);
    const rows = await t.db.select().from(deliveries).where(inArray(deliveries.eventId, [id]));
    expect(rows.filter((d) => d.channel === 'slack' || d.channel === 'support_email')).toEqual([]);
  });

  it('records a refused post with Slack’s status and the next attempt about ten seconds later, without the URL', async () => {
    slack.status = 500;
    try {
      const id = await commit('usage.threshold_reached', org.organizationId);
      await expect.poll(async () => (await deliveriesOf(id))[0]?.attempts, DEADLINE).toBe(1);
      const [row] = await deliveriesOf(id);
      expect(row).toMatchObject({ channel: 'slack', status: 'pending', lastResponse: 'HTTP 500' });
      const wait = row!.nextAttemptAt!.getTime() - Date.now();
      expect(wait).toBeGreaterThan(5_000);
      expect(wait).toBeLessThanOrEqual(10_000);
    } finally {
      slack.status = 200;
    }
  });

  it('sends a lead’s test message at once to every saved Slack URL and address, and names a failing one masked', async () => {
    const sent = await executeAction(lead, sendTestNotification, {});
    expect(sent).toEqual({ slack: [expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/services\/T0…\/…\w{4}$/)], email: ADDRESSES });
    expect(slackTexts()).toContain(`*Test message from Deflect*\n<${portalUrlFor('/admin/settings/notifications')}|Open the staff console>`);
    for (const address of ADDRESSES) expect((await mail.sink.waitForMail((m) => m.to.includes(address) && m.subject === 'Test message from Deflect')).text).toContain(portalUrlFor('/admin/settings/notifications'));

    slack.status = 404;
    try {
      const refused = await executeAction(lead, sendTestNotification, {}).catch((error: Error) => error);
      expect(refused).toMatchObject({ code: 'upstream_unavailable', message: `Not delivered to Slack ${sent.slack[0]}: HTTP 404.` });
    } finally {
      slack.status = 200;
    }
    await expect(executeAction(await seedStaff(t.db, 'agent'), sendTestNotification, {})).rejects.toMatchObject({ code: 'forbidden' });
  });
});
