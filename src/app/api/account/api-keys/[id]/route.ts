import { revokeApiKey } from '@/modules/api-keys/service';
import { requireBrowserSession } from '@/platform/auth/require';
import { ok } from '@/platform/http/envelope';
import { param, route } from '@/platform/http/route';

type Context = { params: Promise<{ id: string }> };

export const DELETE = route<Context>(async (request, context) => {
  const { actor, headers } = await requireBrowserSession(request);
  return ok(await revokeApiKey(actor, { keyId: await param(context, 'id') }, { headers }));
});
