import { retryWebhookDelivery } from '@/modules/webhooks/service';
import { executeAction } from '@/platform/actions/execute';
import { ok } from '@/platform/http/envelope';
import { requestMeta } from '@/platform/http/request-meta';
import { param, route } from '@/platform/http/route';
import { assertServerSecret } from '@/platform/http/server-secret';
import { notFound } from '@/platform/http/errors';

export const POST = route<{ params: Promise<{ id: string }> }>(async (request, context) => {
  await assertServerSecret(request.headers);
  const id = await param(context, 'id');
  if (!/^\d{1,18}$/.test(id)) throw notFound('Webhook delivery');
  return ok(await executeAction({ type: 'host', organizationId: null, ...requestMeta(request.headers) }, retryWebhookDelivery, { deliveryId: id }), 202);
});
