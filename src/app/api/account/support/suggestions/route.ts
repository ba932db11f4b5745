import { suggestionsQuery } from '@/modules/support/suggestions/queries';
import { executeQuery } from '@/platform/actions/execute-query';
import { requireBrowserSession } from '@/platform/auth/require';
import { ok } from '@/platform/http/envelope';
import { route } from '@/platform/http/route';

export const GET = route(async (request) => {
  const { actor } = await requireBrowserSession(request);
  return ok(await executeQuery(actor, suggestionsQuery, Object.fromEntries(new URL(request.url).searchParams)));
});
