import { Webhook } from 'standardwebhooks';
import { DeliveryFailure } from '@/platform/jobs/channels';

/**
 * POSTs one signed body to an endpoint, per the Standard Webhooks specification: `webhook-id` (the
 * event id, which the receiver dedupes by), `webhook-timestamp` and `webhook-signature`. Resolves with
 * the status of a 2xx answer; throws on any other answer, a network error or no answer within `timeoutMs`.
 */
export async function sendSigned(url: string, secret: string, messageId: string, body: string, timeoutMs: number): Promise<number> {
  const now = new Date();
  const signature = new Webhook(secret).sign(messageId, now, body);
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Deflect-Webhooks/1',
        'webhook-id': messageId,
        'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
        'webhook-signature': signature,
      },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const timedOut = error instanceof Error && error.name === 'TimeoutError';
    throw new DeliveryFailure(timedOut ? `No answer within ${timeoutMs / 1000} s` : 'Could not connect to the endpoint');
  }
  // Read to the end (bounded by the timeout) so the connection goes back to the pool.
  await response.arrayBuffer().catch(() => undefined);
  if (response.status < 200 || response.status >= 300) throw new DeliveryFailure(`HTTP ${response.status}`, response.status);
  return response.status;
}
