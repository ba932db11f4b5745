import { eq } from 'drizzle-orm';
import { unseal } from '@/platform/crypto/sealed';
import { getDb } from '@/platform/db/client';
import type { Channel, DeliveryEvent } from '@/platform/jobs/channels';
import { supportAlertOf, type SupportAlert } from './alert';
import { SUPPORT_RETRY_SCHEDULE } from './retry';
import { savedRuleOf } from './rules';
import { escapeMrkdwn, postToSlack } from './slack-post';
import { supportSlackWebhook } from './schema';

export function slackTextOf(alert: SupportAlert): string {
  const who = alert.organization === null ? '' : ` · ${escapeMrkdwn(alert.organization)}`;
  const link = alert.organization === null ? 'Open the staff console' : `Open ${escapeMrkdwn(alert.organization)} in the staff console`;
  return `*${escapeMrkdwn(alert.label)}*${who}\n<${alert.consoleUrl}|${link}>`;
}

async function webhookUrl(id: string): Promise<string> {
  const [row] = await (await getDb()).select({ sealed: supportSlackWebhook.urlSealed }).from(supportSlackWebhook).where(eq(supportSlackWebhook.id, id));
  if (!row) throw new Error('This Slack URL was removed from the notification rules.');
  return unseal(row.sealed);
}

/** The support team's Slack: targets are webhook ids (the URL is a credential: looked up, unsealed, at delivery). */
export const slackChannel: Channel = {
  async targets(event, tx) {
    return (await savedRuleOf(tx, event.type))?.slackWebhookIds ?? [];
  },
  async deliver(event: DeliveryEvent, target: string) {
    const url = await webhookUrl(target);
    const text = slackTextOf(await supportAlertOf(await getDb(), event));
    await postToSlack(url, text);
    return { response: 'HTTP 200' };
  },
  retrySchedule: SUPPORT_RETRY_SCHEDULE,
};
