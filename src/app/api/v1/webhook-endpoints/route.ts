import { createWebhookEndpoint, listWebhookEndpoints } from '@/modules/webhooks/service';
import { executeAction } from '@/platform/actions/execute';
import { getDb } from '@/platform/db/client';
import { readJsonInput } from '@/platform/http/body';
import { ok } from '@/platform/http/envelope';
import { requestMeta } from '@/platform/http/request-meta';
import { route } from '@/platform/http/route';
import { assertServerSecret } from '@/platform/http/server-secret';

export const POST = route(async (request) => {
  await assertServerSecret(request.headers);
  const input = await readJsonInput(request);
  return ok(await executeAction({ type: 'host', organizationId: null, ...requestMeta(request.headers) }, createWebhookEndpoint, input), 201);
});

export const GET = route(async (request) => {
  await assertServerSecret(request.headers);
  return ok(await listWebhookEndpoints(await getDb()));
});
