import http from 'node:http';
import { readNodeJson } from '@/platform/http/body';
import { failFromUnknown } from '@/platform/http/envelope';
import { notFound, unauthorized } from '@/platform/http/errors';
import { isServerSecret } from '@/platform/http/server-secret';
import { verifyKeyInput } from './inputs';
import { verifyApiKey } from './verify';

// POST /api/v1/keys/verify without the Next.js request path: the host product calls it on every one
// of its own API calls. Same contract, same module (verify.ts), same secret; only the HTTP plumbing is
// node:http. Started by `npm start` when VERIFY_PORT is set, or alone by `npm run verify-server`.

export const VERIFY_PATH = '/api/v1/keys/verify';

function send(res: http.ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers });
  res.end(body);
}

async function sendFailure(res: http.ServerResponse, error: unknown): Promise<void> {
  const response = failFromUnknown(error);
  send(res, response.status, await response.text(), Object.fromEntries(response.headers));
}

async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  try {
    if (req.method !== 'POST' || req.url?.split('?')[0] !== VERIFY_PATH) throw notFound('Route');
    if (!isServerSecret(req.headers.authorization)) throw unauthorized('A valid server secret is required.');
    const { key, scope } = await readNodeJson(req, verifyKeyInput);
    send(res, 200, JSON.stringify({ success: true, data: await verifyApiKey(key, scope) }));
  } catch (error) {
    await sendFailure(res, error);
  }
}

export function createVerifyServer(): http.Server {
  return http.createServer((req, res) => void handle(req, res));
}
