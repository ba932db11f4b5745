import { afterAll, beforeAll } from 'vitest';
import { EMAIL_CHANNEL, emailChannel } from '@/modules/notifications/email-channel';
import { resetConfigForTests } from '@/platform/config';
import type { DatabaseHandle } from '@/platform/db/types';
import { registerChannel, unregisterChannel } from '@/platform/jobs/channels';
import { startJobs, type Jobs } from '@/platform/jobs/runtime';
import { startSmtpSink, type SmtpSink } from './smtp-sink';

/** An SMTP sink for the test file, with the portal's mail pointed at it (SMTP_URL). */
export function useSmtpSink(): { readonly sink: SmtpSink } {
  let sink: SmtpSink | undefined;
  beforeAll(async () => {
    sink = await startSmtpSink();
    process.env.SMTP_URL = sink.url;
    resetConfigForTests();
  });
  afterAll(async () => {
    delete process.env.SMTP_URL;
    resetConfigForTests();
    await sink?.close();
  });
  return {
    get sink() {
      if (!sink) throw new Error('useSmtpSink(): the sink starts in beforeAll');
      return sink;
    },
  };
}

/**
 * The delivery queue running on the test database with the email channel registered: mails that are
 * consumers of events (notifications, invitations) go out as in the portal. `retrySchedule` shortens
 * the channel's waits for a test of retries.
 */
export function useMailDelivery(database: { readonly handle: DatabaseHandle }, options: { retrySchedule?: readonly number[] } = {}): { readonly jobs: Jobs } {
  let jobs: Jobs | undefined;
  beforeAll(async () => {
    registerChannel(EMAIL_CHANNEL, emailChannel(options.retrySchedule));
    // The sweep far away: the action's nudge relays at once.
    jobs = await startJobs(database.handle, { sweepIntervalMs: 600_000, maintenanceIntervalSeconds: 1 });
  });
  afterAll(async () => {
    await jobs?.stop();
    unregisterChannel(EMAIL_CHANNEL);
  });
  return {
    get jobs() {
      if (!jobs) throw new Error('useMailDelivery(): the queue starts in beforeAll');
      return jobs;
    },
  };
}
