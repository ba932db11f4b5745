import { markInvoicePaid } from '@/modules/invoices/service';
import { executeAction } from '@/platform/actions/execute';
import { ok } from '@/platform/http/envelope';
import { requestMeta } from '@/platform/http/request-meta';
import { param, route } from '@/platform/http/route';
import { assertServerSecret } from '@/platform/http/server-secret';

export const POST = route<{ params: Promise<{ externalId: string; id: string }> }>(async (request, context) => {
  await assertServerSecret(request.headers);
  const input = { externalId: await param(context, 'externalId'), invoiceId: await param(context, 'id') };
  return ok(await executeAction({ type: 'host', organizationId: null, ...requestMeta(request.headers) }, markInvoicePaid, input));
});
