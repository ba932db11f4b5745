import { fileHostTicket } from '@/modules/support/service';
import { executeAction } from '@/platform/actions/execute';
import { readJsonInput } from '@/platform/http/body';
import { ok } from '@/platform/http/envelope';
import { requestMeta } from '@/platform/http/request-meta';
import { route } from '@/platform/http/route';
import { assertServerSecret } from '@/platform/http/server-secret';

export const POST = route(async (request) => {
  await assertServerSecret(request.headers);
  return ok(await executeAction({ type: 'host', organizationId: null, ...requestMeta(request.headers) }, fileHostTicket, await readJsonInput(request)), 201);
});
