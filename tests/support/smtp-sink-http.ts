import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ReceivedMail, SmtpSink } from './smtp-sink';

const LONG_POLL_MS = 10_000;

/**
 * Exposes a sink to other processes (Playwright):
 *   GET    /messages                                  all mails, oldest first
 *   GET    /messages/latest?to=<addr>&subject=<text>  newest match, waiting up to 10 s; 404 if none
 *   DELETE /messages                                  forget all mails
 */
export async function startSinkHttpServer(
  sink: SmtpSink,
  port: number,
): Promise<{ port: number; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');

    if (url.pathname === '/messages' && req.method === 'GET') return json(res, 200, sink.messages);
    if (url.pathname === '/messages' && req.method === 'DELETE') {
      sink.clear();
      res.writeHead(204).end();
      return;
    }
    if (url.pathname === '/messages/latest' && req.method === 'GET') {
      const to = url.searchParams.get('to')?.toLowerCase();
      const subject = url.searchParams.get('subject');
      const matches = (m: ReceivedMail) =>
        (!to || m.to.some((addr) => addr.toLowerCase() === to)) && (!subject || m.subject.includes(subject));

      const latest = sink.messages.findLast(matches);
      if (latest) return json(res, 200, latest);
      sink.waitForMail(matches, LONG_POLL_MS).then(
        (mail) => json(res, 200, mail),
        (error: Error) => json(res, 404, { error: error.message }),
      );
      return;
    }
    json(res, 404, { error: `No route for ${req.method} ${url.pathname}` });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });

  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function json(res: ServerResponse, status: number, body: unknown): void {
  if (res.writableEnded || res.destroyed) return;
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}
