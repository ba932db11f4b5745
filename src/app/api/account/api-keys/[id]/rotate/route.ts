import { rotateKey } from '@/modules/api-keys/service';
import { executeAction } from '@/platform/actions/execute';
import { requireBrowserSession } from '@/platform/auth/require';
import { readJsonInput } from '@/platform/http/body';
import { ok } from '@/platform/http/envelope';
import { param, route } from '@/platform/http/route';

type Context = { params: Promise<{ id: string }> };

export const POST = route<Context>(async (request, context) => {
  const { actor, headers } = await requireBrowserSession(request);
  return ok(await executeAction(actor, rotateKey, await readJsonInput(request, { keyId: await param(context, 'id') }), { headers }), 201);
});
