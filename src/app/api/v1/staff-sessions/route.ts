import { createStaffSession, staffSessionInput } from '@/modules/staff/service';
import { executeAction } from '@/platform/actions/execute';
import { readJson } from '@/platform/http/body';
import { ok } from '@/platform/http/envelope';
import { requestMeta } from '@/platform/http/request-meta';
import { route } from '@/platform/http/route';
import { assertServerSecret } from '@/platform/http/server-secret';
import { consumeRateLimit } from '@/platform/rate-limit/limiter';

export const POST = route(async (request) => {
  await assertServerSecret(request.headers);
  const body = await readJson(request, staffSessionInput);
  await consumeRateLimit('handoff', `staff:${body.staff.externalId}`);
  const session = await executeAction({ type: 'host', organizationId: null, ...requestMeta(request.headers) }, createStaffSession, body);
  return ok(session, 201);
});
