import http from 'node:http';
import https from 'node:https';
import type { Webhook } from 'standardwebhooks';
import { DeliveryFailure } from '@/platform/jobs/channels';

// Keep-alive connections per endpoint, as a receiver sees from any busy sender. node:http rather than
// fetch: a delivery is one small POST, and fetch costs several times the CPU per request.
const agents = { 'http:': new http.Agent({ keepAlive: true, maxSockets: 32 }), 'https:': new https.Agent({ keepAlive: true, maxSockets: 32 }) };

/**
 * POSTs one signed body to an endpoint, per the Standard Webhooks specification: `webhook-id` (the
 * event id, which the receiver dedupes by), `webhook-timestamp` and `webhook-signature`. Resolves with
 * the status of a 2xx answer; throws on any other answer, a network error or no answer within `timeoutMs`.
 */
export function sendSigned(url: string, signer: Webhook, messageId: string, body: string, timeoutMs: number): Promise<number> {
  const now = new Date();
  const target = new URL(url);
  const client = target.protocol === 'https:' ? https : http;
  const headers = {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(body)),
    'user-agent': 'Deflect-Webhooks/1',
    'webhook-id': messageId,
    'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
    'webhook-signature': signer.sign(messageId, now, body),
  };
  return new Promise((resolve, reject) => {
    const request = client.request(target, { method: 'POST', headers, agent: agents[target.protocol as keyof typeof agents], signal: AbortSignal.timeout(timeoutMs) }, (response) => {
      // Read to the end (bounded by the timeout) so the connection goes back to the pool.
      response.resume();
      response.once('end', () => {
        const status = response.statusCode ?? 0;
        if (status >= 200 && status < 300) resolve(status);
        else reject(new DeliveryFailure(`HTTP ${status}`, status));
      });
      response.once('error', () => reject(new DeliveryFailure(`No answer within ${timeoutMs / 1000} s`)));
    });
    request.once('error', (error) => reject(new DeliveryFailure(error.name === 'AbortError' || error.name === 'TimeoutError' ? `No answer within ${timeoutMs / 1000} s` : 'Could not connect to the endpoint')));
    request.end(body);
  });
}
