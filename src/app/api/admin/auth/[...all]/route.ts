import { serveAuthLink } from '@/platform/auth/serve-auth-link';
import { getStaffAuth, STAFF_HANDOFF_PATH } from '@/platform/auth/staff-auth';
import { fail } from '@/platform/http/envelope';
import { notFound } from '@/platform/http/errors';

// Only the staff handoff link is served over HTTP: its single-use token is the credential. Sign-in,
// two-factor and set-up run through the console's forms, where validation and rate limits apply.
async function handle(request: Request): Promise<Response> {
  if (request.method !== 'GET' || new URL(request.url).pathname !== STAFF_HANDOFF_PATH) return fail(notFound('Route'));
  return serveAuthLink(await getStaffAuth(), request);
}

export const GET = handle;
export const POST = handle;
