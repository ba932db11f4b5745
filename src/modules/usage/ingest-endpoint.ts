import { apiKeyActor } from '@/modules/api-keys/service';
import type { Actor } from '@/platform/actions/actor';
import { executeAction } from '@/platform/actions/execute';
import { readNodeJsonValue } from '@/platform/http/body';
import type { LeanRoute } from '@/platform/http/lean-server';
import { requestMeta } from '@/platform/http/request-meta';
import { assertServerSecret } from '@/platform/http/server-secret';
import { ingestUsage } from './actions';
import { INGEST_BODY_LIMIT } from './inputs';

export const INGEST_PATH = '/api/v1/usage-events';

/** Who reports: an API key with `usage:write` (its own organization), or the host product with the server secret (any). */
export async function ingestActor(headers: Headers): Promise<Actor> {
  const keyActor = await apiKeyActor(headers, 'usage:write');
  if (keyActor) return keyActor;
  await assertServerSecret(headers);
  return { type: 'host', organizationId: null, ...requestMeta(headers) };
}

/** POST /api/v1/usage-events on the lean server, for hosts reporting at volume. */
export const ingestRoute: LeanRoute = {
  path: INGEST_PATH,
  async answer(request, headers) {
    const actor = await ingestActor(headers);
    // Validated once, by the action.
    return executeAction(actor, ingestUsage, await readNodeJsonValue(request, { maxBytes: INGEST_BODY_LIMIT }));
  },
};
