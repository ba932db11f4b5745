import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

export type WebhookRequest = { id: string; body: Record<string, unknown>; status: number | 'held'; verified: boolean; headers: http.IncomingHttpHeaders };

/** A host product's webhook endpoint on 127.0.0.1: checks each signature with the `standardwebhooks` package itself. */
export type WebhookReceiver = {
  url: string;
  /** The endpoint's signing secret, once the portal gave it. */
  secret: string | undefined;
  requests: WebhookRequest[];
  /** How to answer a request: a status, or 'hold' never to answer. `seenBefore`: earlier requests with this webhook-id. */
  answer: (id: string, seenBefore: number) => number | 'hold';
  /** The event ids answered 2xx with a valid signature, in order. */
  accepted(): string[];
  close(): Promise<void>;
};

export async function startWebhookReceiver(path = '/hooks'): Promise<WebhookReceiver> {
  const receiver: WebhookReceiver = {
    url: '',
    secret: undefined,
    requests: [],
    answer: () => 200,
    accepted: () => receiver.requests.filter((r) => r.verified && typeof r.status === 'number' && r.status < 300).map((r) => r.id),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let verified = false;
      try {
        new Webhook(receiver.secret!).verify(text, req.headers as Record<string, string>);
        verified = true;
      } catch {
        verified = false;
      }
      const id = String(req.headers['webhook-id']);
      const status = verified ? receiver.answer(id, receiver.requests.filter((r) => r.id === id).length) : 401;
      receiver.requests.push({ id, body: JSON.parse(text) as Record<string, unknown>, status: status === 'hold' ? 'held' : status, verified, headers: req.headers });
      if (status !== 'hold') res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`;
  return receiver;
}
