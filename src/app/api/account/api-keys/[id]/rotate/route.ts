import { z } from 'zod';
import { rotateApiKey } from '@/modules/api-keys/service';
import { requireBrowserSession } from '@/platform/auth/require';
import { readJson } from '@/platform/http/body';
import { ok } from '@/platform/http/envelope';
import { param, route } from '@/platform/http/route';

type Context = { params: Promise<{ id: string }> };

export const POST = route<Context>(async (request, context) => {
  const { actor, headers } = await requireBrowserSession(request);
  const body = await readJson(request, z.object({ gracePeriod: z.unknown() }));
  return ok(await rotateApiKey(actor, { gracePeriod: body.gracePeriod, keyId: await param(context, 'id') }, { headers }), 201);
});
