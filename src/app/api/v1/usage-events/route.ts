import { INGEST_BODY_LIMIT, ingestActor, ingestUsage } from '@/modules/usage/service';
import { executeAction } from '@/platform/actions/execute';
import { readJsonValue } from '@/platform/http/body';
import { ok } from '@/platform/http/envelope';
import { route } from '@/platform/http/route';

// The same ingest also answers on the lean server (API_PORT), for hosts reporting at volume: see
// src/modules/usage/ingest-endpoint.ts.
export const POST = route(async (request) => {
  const actor = await ingestActor(request.headers);
  // Validated once, by the action.
  const body = await readJsonValue(request, { maxBytes: INGEST_BODY_LIMIT });
  return ok(await executeAction(actor, ingestUsage, body));
});
