import { reportInvoicePayment } from '@/modules/invoices/service';
import { requireBrowserSession } from '@/platform/auth/require';
import { readJsonValue } from '@/platform/http/body';
import { ok } from '@/platform/http/envelope';
import { param, route } from '@/platform/http/route';

export const POST = route<{ params: Promise<{ id: string }> }>(async (request, context) => {
  const { actor, headers } = await requireBrowserSession(request);
  const body = await readJsonValue(request);
  return ok(await reportInvoicePayment(actor, { ...(body as object), invoiceId: await param(context, 'id') }, { headers }));
});
