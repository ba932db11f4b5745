import { toNextJsHandler } from 'better-auth/next-js';
import { publicPath } from '../http/portal-path';

/**
 * Answers one of the links people follow (mailed verification and reset links, handoffs) with a
 * Better Auth instance. Next hands route handlers the path below the base path, while Better Auth
 * routes by the path the browser used (its base path is ours plus its own), so the base goes back on.
 */
export function serveAuthLink(auth: Parameters<typeof toNextJsHandler>[0], request: Request): Promise<Response> {
  const url = new URL(request.url);
  url.pathname = publicPath(url.pathname);
  return toNextJsHandler(auth).GET(new Request(url, request));
}
