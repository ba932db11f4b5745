import { voteOnHelpArticle } from '@/modules/help/actions';
import { executeAction } from '@/platform/actions/execute';
import { requireBrowserSession } from '@/platform/auth/require';
import { readJsonValue } from '@/platform/http/body';
import { param, route } from '@/platform/http/route';

type Context = { params: Promise<{ id: string }> };

export const POST = route<Context>(async (request, context) => {
  const { actor, headers } = await requireBrowserSession(request);
  const body = await readJsonValue(request);
  await executeAction(actor, voteOnHelpArticle, { ...(body as object), id: await param(context, 'id') }, { headers });
  return new Response(null, { status: 204 });
});
