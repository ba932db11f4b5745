import { createPortalSession, portalSessionInput } from '@/modules/organizations/service';
import { executeAction } from '@/platform/actions/execute';
import { readJson } from '@/platform/http/body';
import { ok } from '@/platform/http/envelope';
import { requestMeta } from '@/platform/http/request-meta';
import { route } from '@/platform/http/route';
import { assertServerSecret } from '@/platform/http/server-secret';
import { consumeRateLimit } from '@/platform/rate-limit/limiter';

export const POST = route(async (request) => {
  await assertServerSecret(request.headers);
  const body = await readJson(request, portalSessionInput);
  await consumeRateLimit('handoff', `${body.organization.externalId}:${body.user.externalId}`);
  const meta = requestMeta(request.headers);
  const session = await executeAction({ type: 'host', organizationId: null, ...meta }, createPortalSession, body);
  return ok(session, 201);
});
