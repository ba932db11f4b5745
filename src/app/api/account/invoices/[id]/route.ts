import { getInvoice } from '@/modules/invoices/service';
import { requireBrowserPermission } from '@/platform/auth/require';
import { getDb } from '@/platform/db/client';
import { ok } from '@/platform/http/envelope';
import { param, route } from '@/platform/http/route';

export const GET = route<{ params: Promise<{ id: string }> }>(async (request, context) => {
  const { session } = await requireBrowserPermission(request, 'invoices.read');
  return ok({ invoice: await getInvoice(await getDb(), session.organization.id, await param(context, 'id')) });
});
