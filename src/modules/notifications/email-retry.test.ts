import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventDataOf } from '@config/events';
import { useMailDelivery } from '../../../tests/support/mail-fixtures';
import { startSmtpSink, type SmtpSink } from '../../../tests/support/smtp-sink';
import { seedTeam } from '../../../tests/support/team-fixtures';
import { useTestDatabase } from '../../../tests/support/test-db';
import { outbox } from '@/platform/actions/schema';
import { resetConfigForTests } from '@/platform/config';
import { outboxWritten } from '@/platform/jobs/nudge';
import { deliveries } from '@/platform/jobs/schema';
import { EMAIL_RETRY_SCHEDULE, emailChannel } from './email-channel';

const t = useTestDatabase();
// The channel's real schedule waits 30 s first; the mechanism is the same with 2 s waits.
useMailDelivery(t, { retrySchedule: [2, 2, 2] });

let port: number;
let sink: SmtpSink | undefined;

beforeAll(async () => {
  // A port where no SMTP server listens yet: the first attempt is refused.
  const probe = await startSmtpSink();
  port = probe.port;
  await probe.close();
  process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
  resetConfigForTests();
});

afterAll(async () => {
  delete process.env.SMTP_URL;
  resetConfigForTests();
  await sink?.close();
});

describe('the email channel', () => {
  it('retries a mail the SMTP server did not take, and delivers it once the server answers', async () => {
    const team = await seedTeam(t.db, ['admin']);
    const [event] = await t.db
      .insert(outbox)
      .values({
        organizationId: team.organizationId,
        type: 'usage.threshold_reached',
        payload: eventDataOf('usage.threshold_reached', { organizationId: team.organizationId, meter: 'api_calls', threshold: 100, used: 1000, limit: 1000, period: { start: '2026-12-01', end: '2026-12-31' } }),
      })
      .returning({ id: outbox.id });
    outboxWritten();
    const rows = () => t.db.select().from(deliveries).where(inArray(deliveries.eventId, [event!.id]));

    await expect.poll(async () => (await rows()).map((d) => [d.status, d.attempts]), { timeout: 15_000 }).toEqual([
      ['pending', 1],
      ['pending', 1],
    ]);
    for (const row of await rows()) {
      expect(row.lastResponse).toMatch(/ECONNREFUSED|connect/i);
      expect(row.nextAttemptAt).not.toBeNull();
    }

    sink = await startSmtpSink({ port });
    await sink.waitForMail((m) => m.to.includes(team.owner.email), 15_000);
    await sink.waitForMail((m) => m.to.includes(team.members[0]!.email), 15_000);
    await expect.poll(async () => (await rows()).map((d) => [d.status, d.attempts > 1, d.lastResponse]), { timeout: 15_000 }).toEqual([
      ['delivered', true, 'sent'],
      ['delivered', true, 'sent'],
    ]);
  });

  it('keeps retrying for hours by default', () => {
    expect(emailChannel().retrySchedule).toEqual(EMAIL_RETRY_SCHEDULE);
    expect(EMAIL_RETRY_SCHEDULE.reduce((sum, wait) => sum + wait, 0)).toBeGreaterThan(6 * 3600);
  });
});
