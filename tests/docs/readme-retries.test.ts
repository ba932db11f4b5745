import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { STRIPE_PUSH_RETRIES } from '@/modules/billing/push-channel';
import { EMAIL_RETRY_SCHEDULE } from '@/modules/notifications/email-channel';
import { inAppChannel } from '@/modules/notifications/in-app';
import { SUPPORT_RETRY_SCHEDULE } from '@/modules/support-alerts/retry';
import { WEBHOOK_RETRY_SCHEDULE } from '@/modules/webhooks/schedule';

function spoken(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) return `${seconds / 60} min`;
  return `${seconds / 3600} h`;
}

it('the README states each channel\'s retry schedule as the code defines it', () => {
  const readme = readFileSync('README.md', 'utf8');
  const rows: [string, readonly number[]][] = [
    ['`email`', EMAIL_RETRY_SCHEDULE],
    ['`in_app`', inAppChannel.retrySchedule],
    ['`slack`, `support_email`', SUPPORT_RETRY_SCHEDULE],
    ['`webhook`', WEBHOOK_RETRY_SCHEDULE],
    ['`stripe_push`', STRIPE_PUSH_RETRIES],
  ];
  for (const [channel, schedule] of rows) {
    const row = readme.split('\n').find((line) => line.startsWith(`| ${channel} |`));
    expect(row, channel).toBeDefined();
    expect(row, channel).toContain(`| ${schedule.map(spoken).join(', ')}`);
  }
});
