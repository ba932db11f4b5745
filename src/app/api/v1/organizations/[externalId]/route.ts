import { upsertOrganization } from '@/modules/organizations/service';
import { executeAction } from '@/platform/actions/execute';
import { readJsonInput } from '@/platform/http/body';
import { ok } from '@/platform/http/envelope';
import { requestMeta } from '@/platform/http/request-meta';
import { param, route } from '@/platform/http/route';
import { assertServerSecret } from '@/platform/http/server-secret';

export const PUT = route<{ params: Promise<{ externalId: string }> }>(async (request, context) => {
  await assertServerSecret(request.headers);
  const input = await readJsonInput(request, { externalId: await param(context, 'externalId') });
  const { organization } = await executeAction({ type: 'host', organizationId: null, ...requestMeta(request.headers) }, upsertOrganization, input);
  return ok({ organization });
});
