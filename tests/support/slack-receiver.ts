import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A real HTTP server on 127.0.0.1 standing in for Slack's incoming webhook: records each posted JSON body. */
export type SlackReceiver = {
  /** An incoming-webhook URL of this receiver, with a token path as Slack gives one. */
  url: string;
  posts: { path: string; body: Record<string, unknown> }[];
  /** The status it answers the next posts with (Slack answers 200 "ok"). */
  status: number;
  close(): Promise<void>;
};

export async function startSlackReceiver(): Promise<SlackReceiver> {
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      receiver.posts.push({ path: req.url ?? '', body: JSON.parse(body) as Record<string, unknown> });
      res.writeHead(receiver.status, { 'Content-Type': 'text/plain' }).end(receiver.status === 200 ? 'ok' : 'invalid_token');
    });
  });
  const receiver: SlackReceiver = {
    url: '',
    posts: [],
    status: 200,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/services/T0TESTTEAM/B0TESTHOOK/${crypto.randomUUID().replaceAll('-', '')}`;
  return receiver;
}
