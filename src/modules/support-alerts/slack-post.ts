import { IncomingWebhook, IncomingWebhookHTTPError } from '@slack/webhook';

const TIMEOUT_MS = 10_000;

/** Why a post failed, for a delivery row or a screen: the status or the network error, never the URL. */
function failureOf(error: unknown): Error {
  if (error instanceof IncomingWebhookHTTPError) return new Error(`HTTP ${error.statusCode}`);
  const cause = (error as { original?: { cause?: { code?: string }; name?: string } }).original;
  return new Error(`Slack could not be reached (${cause?.cause?.code ?? cause?.name ?? 'network error'})`);
}

/** Posts a message to a Slack incoming webhook; throws an error that does not name the URL. */
export async function postToSlack(url: string, text: string): Promise<void> {
  try {
    await new IncomingWebhook(url, { timeout: TIMEOUT_MS }).send({ text, unfurl_links: false });
  } catch (error) {
    throw failureOf(error);
  }
}

/** Slack's mrkdwn gives &, < and > a meaning: a customer's name must not open a link. */
export function escapeMrkdwn(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
