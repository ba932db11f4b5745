import { helpQuery } from '@/modules/help/queries';
import { executeQuery } from '@/platform/actions/execute-query';
import { requireBrowserSession } from '@/platform/auth/require';
import { ok } from '@/platform/http/envelope';
import { route } from '@/platform/http/route';

export const GET = route(async (request) => {
  const { actor } = await requireBrowserSession(request);
  const { section, q } = Object.fromEntries(new URL(request.url).searchParams);
  return ok(await executeQuery(actor, helpQuery, { section: section || undefined, q: q || undefined, locale: request.headers.get('accept-language') ?? undefined }));
});
