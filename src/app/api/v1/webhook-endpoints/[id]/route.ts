import { deleteWebhookEndpoint, updateWebhookEndpoint } from '@/modules/webhooks/service';
import { executeAction } from '@/platform/actions/execute';
import { readJsonInput } from '@/platform/http/body';
import { ok } from '@/platform/http/envelope';
import { requestMeta } from '@/platform/http/request-meta';
import { param, route } from '@/platform/http/route';
import { assertServerSecret } from '@/platform/http/server-secret';

type Context = { params: Promise<{ id: string }> };

export const PATCH = route<Context>(async (request, context) => {
  await assertServerSecret(request.headers);
  const input = await readJsonInput(request, { id: await param(context, 'id') });
  return ok(await executeAction({ type: 'host', organizationId: null, ...requestMeta(request.headers) }, updateWebhookEndpoint, input));
});

export const DELETE = route<Context>(async (request, context) => {
  await assertServerSecret(request.headers);
  const input = { id: await param(context, 'id') };
  return ok(await executeAction({ type: 'host', organizationId: null, ...requestMeta(request.headers) }, deleteWebhookEndpoint, input));
});
