import { apiKeysQuery } from '@/modules/api-keys/queries';
import { createKey } from '@/modules/api-keys/service';
import { executeAction } from '@/platform/actions/execute';
import { executeQuery } from '@/platform/actions/execute-query';
import { requireBrowserSession } from '@/platform/auth/require';
import { readJsonInput } from '@/platform/http/body';
import { ok } from '@/platform/http/envelope';
import { route } from '@/platform/http/route';

export const GET = route(async (request) => {
  const { actor } = await requireBrowserSession(request);
  return ok(await executeQuery(actor, apiKeysQuery, {}));
});

export const POST = route(async (request) => {
  const { actor, headers } = await requireBrowserSession(request);
  return ok(await executeAction(actor, createKey, await readJsonInput(request), { headers }), 201);
});
