import { invoiceRevisionsQuery } from '@/modules/invoices/service';
import { executeQuery } from '@/platform/actions/execute-query';
import { requireBrowserSession } from '@/platform/auth/require';
import { ok } from '@/platform/http/envelope';
import { param, route } from '@/platform/http/route';

export const GET = route<{ params: Promise<{ id: string }> }>(async (request, context) => {
  const { actor } = await requireBrowserSession(request);
  return ok(await executeQuery(actor, invoiceRevisionsQuery, { invoiceId: await param(context, 'id') }));
});
