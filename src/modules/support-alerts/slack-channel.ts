import { eq } from 'drizzle-orm';
import { IncomingWebhook, IncomingWebhookHTTPError } from '@slack/webhook';
import { unseal } from '@/platform/crypto/sealed';
import { getDb } from '@/platform/db/client';
import type { Channel, DeliveryEvent } from '@/platform/jobs/channels';
import { supportAlertOf, type SupportAlert } from './alert';
import { SUPPORT_RETRY_SCHEDULE } from './retry';
import { savedRuleOf } from './rules';
import { supportSlackWebhook } from './schema';

const TIMEOUT_MS = 10_000;

/** Slack's mrkdwn gives &, < and > a meaning: a customer's name must not open a link. */
function escapeMrkdwn(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function slackTextOf(alert: SupportAlert): string {
  const who = alert.organization === null ? '' : ` · ${escapeMrkdwn(alert.organization)}`;
  const link = alert.organization === null ? 'Open the staff console' : `Open ${escapeMrkdwn(alert.organization)} in the staff console`;
  return `*${escapeMrkdwn(alert.label)}*${who}\n<${alert.consoleUrl}|${link}>`;
}

/** Why a post failed, for the delivery row: the status or the network error, never the URL. */
function failureOf(error: unknown): Error {
  if (error instanceof IncomingWebhookHTTPError) return new Error(`HTTP ${error.statusCode}`);
  const cause = (error as { original?: { cause?: { code?: string }; name?: string } }).original;
  return new Error(`Slack could not be reached (${cause?.cause?.code ?? cause?.name ?? 'network error'})`);
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
    try {
      await new IncomingWebhook(url, { timeout: TIMEOUT_MS }).send({ text, unfurl_links: false });
    } catch (error) {
      throw failureOf(error);
    }
    return { response: 'HTTP 200' };
  },
  retrySchedule: SUPPORT_RETRY_SCHEDULE,
};
