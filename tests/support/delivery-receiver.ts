import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type Received = { eventId: number; status: number | 'held' };
/** How the receiver answers a request: a status, or 'hold' to never answer (a delivery in flight). */
export type Answer = (eventId: number, seenBefore: number) => number | 'hold';

/** A real HTTP server standing in for a delivery channel's far end, recording every request and answer. */
export type Receiver = {
  url: string;
  requests: Received[];
  answer: Answer;
  /** How many times each event was answered with 2xx. */
  accepted(): Map<number, number>;
  close(): Promise<void>;
};

export async function startReceiver(answer: Answer = () => 200): Promise<Receiver> {
  const requests: Received[] = [];
  const receiver: Receiver = {
    url: '',
    requests,
    answer,
    accepted() {
      const counts = new Map<number, number>();
      for (const r of requests) if (typeof r.status === 'number' && r.status < 300) counts.set(r.eventId, (counts.get(r.eventId) ?? 0) + 1);
      return counts;
    },
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const { eventId } = JSON.parse(body) as { eventId: number };
      const status = receiver.answer(eventId, requests.filter((r) => r.eventId === eventId).length);
      requests.push({ eventId, status: status === 'hold' ? 'held' : status });
      if (status !== 'hold') res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/events`;
  return receiver;
}
