import { deliveriesQuery, endpointDeliveries } from '@/modules/webhooks/service';
import { getDb } from '@/platform/db/client';
import { ok } from '@/platform/http/envelope';
import { param, route } from '@/platform/http/route';
import { assertServerSecret } from '@/platform/http/server-secret';
import { parseInput } from '@/platform/http/validation';

export const GET = route<{ params: Promise<{ id: string }> }>(async (request, context) => {
  await assertServerSecret(request.headers);
  const query = parseInput(deliveriesQuery, Object.fromEntries(new URL(request.url).searchParams));
  return ok(await endpointDeliveries(await getDb(), await param(context, 'id'), query));
});
