import { issueContractInvoice } from '@/modules/invoices/service';
import { readJsonValue } from '@/platform/http/body';
import { ok } from '@/platform/http/envelope';
import { requestMeta } from '@/platform/http/request-meta';
import { param, route } from '@/platform/http/route';
import { assertServerSecret } from '@/platform/http/server-secret';

export const POST = route<{ params: Promise<{ externalId: string }> }>(async (request, context) => {
  await assertServerSecret(request.headers);
  const body = await readJsonValue(request);
  const externalId = await param(context, 'externalId');
  return ok(await issueContractInvoice({ type: 'host', organizationId: null, ...requestMeta(request.headers) }, { ...(body as object), externalId }), 201);
});
