import { z } from 'zod';
import { defineAction } from '@/platform/actions/define';
import { unseal } from '@/platform/crypto/sealed';
import { AppError } from '@/platform/http/errors';
import { portalUrlFor } from '@/platform/http/portal-url';
import { sendMail } from '@/platform/mail/send-mail';
import type { SupportAlert } from './alert';
import { supportAlertMail } from './email-channel';
import { supportAlertRule, supportSlackWebhook } from './schema';
import { slackTextOf } from './slack-channel';
import { postToSlack } from './slack-post';

export const TEST_LABEL = 'Test message from Deflect';

/**
 * A lead checks the saved destinations: one message to each Slack URL and each support address, sent
 * at once (not queued) so that the screen can say which one failed.
 */
export const sendTestNotification = defineAction({
  name: 'staff.notification_rules.test',
  input: z.object({}),
  async run({ tx, afterCommit }) {
    const webhooks = await tx.select().from(supportSlackWebhook);
    const emails = [...new Set((await tx.select({ emails: supportAlertRule.emails }).from(supportAlertRule)).flatMap((r) => r.emails))];
    if (webhooks.length === 0 && emails.length === 0) throw new AppError('validation_failed', 'Save a Slack URL or a support address first.');
    const alert: SupportAlert = { label: TEST_LABEL, organization: null, consoleUrl: portalUrlFor('/admin/settings/notifications') };
    afterCommit(async () => {
      const failures: string[] = [];
      for (const webhook of webhooks) {
        await postToSlack(unseal(webhook.urlSealed), slackTextOf(alert)).catch((error: Error) => failures.push(`Slack ${webhook.masked}: ${error.message}`));
      }
      for (const to of emails) await sendMail({ to, ...supportAlertMail(alert) }).catch(() => failures.push(`${to}: the mail server did not take it`));
      if (failures.length > 0) throw new AppError('upstream_unavailable', `Not delivered to ${failures.join('; ')}.`);
    });
    const sent = { slack: webhooks.map((w) => w.masked), email: emails };
    return { result: sent, audit: { entityType: 'notification_rules', entityId: 'support_team', after: sent } };
  },
});
