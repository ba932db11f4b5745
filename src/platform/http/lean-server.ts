import http from 'node:http';
import { failFromUnknown } from './envelope';
import { notFound } from './errors';
import { requestIdOf } from './request-meta';
import { stampRequest } from './request-stamp.mjs';

// Hot server-to-server routes without the Next.js request path, which costs about 2 ms of CPU per
// request on a 2-core machine. Each route is the same module and contract as its Next.js twin; only
// the HTTP plumbing is node:http. Started by `npm start` when API_PORT is set, or alone by `npm run api-server`.

/** A POST route: its path (a query string is ignored) and the envelope's `data` it answers with. */
export type LeanRoute = { path: string; answer(request: http.IncomingMessage, headers: Headers): Promise<unknown> };

function send(res: http.ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers });
  res.end(body);
}

async function sendFailure(res: http.ServerResponse, error: unknown, headers: Headers): Promise<void> {
  const response = failFromUnknown(error, requestIdOf(headers));
  send(res, response.status, await response.text(), Object.fromEntries(response.headers));
}

/** node:http's headers as fetch Headers (repeated ones joined, as fetch does). */
function headersOf(request: http.IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

export function createLeanServer(routes: readonly LeanRoute[]): http.Server {
  const byPath = new Map(routes.map((r) => [r.path, r]));
  return http.createServer((req, res) => {
    stampRequest(req, res); // the client's address from the socket and TRUST_PROXY, as the portal's entry does
    const headers = headersOf(req);
    const route = req.method === 'POST' ? byPath.get(req.url?.split('?')[0] ?? '') : undefined;
    if (!route) return void sendFailure(res, notFound('Route'), headers);
    route.answer(req, headers).then(
      (data) => send(res, 200, JSON.stringify({ success: true, data })),
      (error: unknown) => sendFailure(res, error, headers),
    );
  });
}
