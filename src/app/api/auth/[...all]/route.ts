import { toNextJsHandler } from 'better-auth/next-js';
import { getAuth } from '@/platform/auth/auth';
import { fail } from '@/platform/http/envelope';
import { notFound } from '@/platform/http/errors';
import { publicPath } from '@/platform/http/portal-path';

// Only the links people follow from mails and the handoff are served over HTTP. Sign-in, sign-up
// and the rest run through the portal's forms, where validation and rate limits apply, so they
// cannot be reached around those limits.
const publicGetPaths = [/^\/api\/auth\/verify-email$/, /^\/api\/auth\/reset-password\/[^/]+$/, /^\/api\/auth\/handoff$/];

async function handle(request: Request): Promise<Response> {
  const url = new URL(request.url); // Next hands route handlers the path below the base path
  if (request.method !== 'GET' || !publicGetPaths.some((p) => p.test(url.pathname))) return fail(notFound('Route'));
  // Better Auth routes by the path the browser used: its base path is ours plus /api/auth.
  url.pathname = publicPath(url.pathname);
  return toNextJsHandler(await getAuth()).GET(new Request(url, request));
}

export const GET = handle;
export const POST = handle;
