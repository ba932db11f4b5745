import { createPortalSession } from '@/modules/organizations/service';
import { executeAction } from '@/platform/actions/execute';
import { readJsonInput } from '@/platform/http/body';
import { ok } from '@/platform/http/envelope';
import { requestMeta } from '@/platform/http/request-meta';
import { route } from '@/platform/http/route';
import { assertServerSecret } from '@/platform/http/server-secret';

export const POST = route(async (request) => {
  await assertServerSecret(request.headers);
  const session = await executeAction({ type: 'host', organizationId: null, ...requestMeta(request.headers) }, createPortalSession, await readJsonInput(request));
  return ok(session, 201);
});
