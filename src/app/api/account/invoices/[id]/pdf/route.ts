import { invoicePdf } from '@/modules/invoices/service';
import { requireBrowserPermission } from '@/platform/auth/require';
import { getDb } from '@/platform/db/client';
import { attachmentHeaders } from '@/platform/http/attachment';
import { param, route } from '@/platform/http/route';

export const GET = route<{ params: Promise<{ id: string }> }>(async (request, context) => {
  const { session } = await requireBrowserPermission(request, 'invoices.read');
  const document = await invoicePdf(await getDb(), session.organization.id, await param(context, 'id'));
  if ('redirect' in document) return Response.redirect(document.redirect, 302);
  return new Response(new Uint8Array(document.pdf), { headers: attachmentHeaders(document.fileName, 'application/pdf') });
});
