import { auditEntriesQuery } from '@/modules/audit/queries';
import { executeQuery } from '@/platform/actions/execute-query';
import { requireBrowserSession } from '@/platform/auth/require';
import { ok } from '@/platform/http/envelope';
import { route } from '@/platform/http/route';

export const GET = route(async (request) => {
  const { actor } = await requireBrowserSession(request);
  return ok(await executeQuery(actor, auditEntriesQuery, Object.fromEntries(new URL(request.url).searchParams)));
});
