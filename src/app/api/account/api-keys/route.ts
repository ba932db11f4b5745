import { availableScopes, createApiKey, createKeyInput, listKeys } from '@/modules/api-keys/service';
import { requireBrowserSession } from '@/platform/auth/require';
import { getDb } from '@/platform/db/client';
import { readJson } from '@/platform/http/body';
import { ok } from '@/platform/http/envelope';
import { route } from '@/platform/http/route';

export const GET = route(async (request) => {
  const { session } = await requireBrowserSession(request);
  const keys = await listKeys(await getDb(), session.organization.id, session.role);
  return ok({ keys, availableScopes: availableScopes() });
});

export const POST = route(async (request) => {
  const { actor, headers } = await requireBrowserSession(request);
  const body = await readJson(request, createKeyInput);
  return ok(await createApiKey(actor, body, { headers }), 201);
});
