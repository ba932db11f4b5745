// Serves the built portal: Next's request handler behind our own node:http server, so that each
// request carries the client's address from the socket (TRUST_PROXY decides which proxies' X-Forwarded-For
// is followed) and a request id; see src/platform/http/request-stamp.mjs. Run by `npm start`
// (scripts/start.mjs), the Playwright journeys and the benches, always with serverNodeOptions.
// Options: --port/-p (else PORT, else 3000), --hostname/-H; anything else is left to others.
import http from 'node:http';
import { parseArgs } from 'node:util';
import { stampRequest, trustedProxies, willStampRequests } from '../src/platform/http/request-stamp.mjs';

process.env.NODE_ENV = 'production'; // before Next and React load: they pick their builds by it
const { values } = parseArgs({ options: { port: { type: 'string', short: 'p' }, hostname: { type: 'string', short: 'H' } }, strict: false });
const port = Number(values.port ?? process.env.PORT ?? 3000);
const hostname = typeof values.hostname === 'string' ? values.hostname : undefined;
let trust;
try {
  trust = trustedProxies(); // a TRUST_PROXY typo stops the start here, not at the first request
} catch (error) {
  console.error(error.message);
  process.exit(1);
}

willStampRequests();
const { default: next } = await import('next');
const app = next({ dev: false, dir: process.cwd(), hostname, port });
await app.prepare(); // runs src/instrumentation.ts: migrations, seed, the SIGTERM handler
const handle = app.getRequestHandler();

const server = http.createServer((req, res) => {
  stampRequest(req, res, trust);
  handle(req, res).catch((error) => {
    console.error('[server] request failed:', error instanceof Error ? error.name : typeof error);
    if (!res.headersSent) res.writeHead(500);
    res.end();
  });
});
server.listen(port, hostname, () => console.info(`Serving on http://${hostname ?? 'localhost'}:${port}`));
// Ctrl-C stops like a SIGTERM: the app's handler flushes and closes the database.
let stopping = false;
process.on('SIGINT', () => {
  if (!stopping) process.kill(process.pid, 'SIGTERM');
  stopping = true;
});
