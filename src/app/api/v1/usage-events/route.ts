import { apiKeyActor } from '@/modules/api-keys/service';
import { INGEST_BODY_LIMIT, ingestUsage } from '@/modules/usage/service';
import type { Actor } from '@/platform/actions/actor';
import { executeAction } from '@/platform/actions/execute';
import { readJsonValue } from '@/platform/http/body';
import { ok } from '@/platform/http/envelope';
import { requestMeta } from '@/platform/http/request-meta';
import { route } from '@/platform/http/route';
import { assertServerSecret } from '@/platform/http/server-secret';

/** Who reports: an API key with `usage:write` (its own organization), or the host product with the server secret (any). */
async function ingestActor(request: Request): Promise<Actor> {
  const keyActor = await apiKeyActor(request, 'usage:write');
  if (keyActor) return keyActor;
  assertServerSecret(request);
  return { type: 'host', organizationId: null, ...requestMeta(request.headers) };
}

export const POST = route(async (request) => {
  const actor = await ingestActor(request);
  // Validated once, by the action.
  const body = await readJsonValue(request, { maxBytes: INGEST_BODY_LIMIT });
  return ok(await executeAction(actor, ingestUsage, body));
});
