import { getAuth } from '@/platform/auth/auth';
import { serveAuthLink } from '@/platform/auth/serve-auth-link';
import { fail } from '@/platform/http/envelope';
import { notFound } from '@/platform/http/errors';

// Only the links people follow from mails and the handoff are served over HTTP. Sign-in, sign-up
// and the rest run through the portal's forms, where validation and rate limits apply, so they
// cannot be reached around those limits.
const publicGetPaths = [/^\/api\/auth\/verify-email$/, /^\/api\/auth\/reset-password\/[^/]+$/, /^\/api\/auth\/handoff$/];

async function handle(request: Request): Promise<Response> {
  const { pathname } = new URL(request.url);
  if (request.method !== 'GET' || !publicGetPaths.some((p) => p.test(pathname))) return fail(notFound('Route'));
  return serveAuthLink(await getAuth(), request);
}

export const GET = handle;
export const POST = handle;
