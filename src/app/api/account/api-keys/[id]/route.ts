import { revokeKey } from '@/modules/api-keys/service';
import { executeAction } from '@/platform/actions/execute';
import { requireBrowserSession } from '@/platform/auth/require';
import { ok } from '@/platform/http/envelope';
import { param, route } from '@/platform/http/route';

type Context = { params: Promise<{ id: string }> };

export const DELETE = route<Context>(async (request, context) => {
  const { actor, headers } = await requireBrowserSession(request);
  return ok(await executeAction(actor, revokeKey, { keyId: await param(context, 'id') }, { headers }));
});
