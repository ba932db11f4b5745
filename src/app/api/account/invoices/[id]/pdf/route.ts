import { invoicePdfQuery } from '@/modules/invoices/queries';
import { executeQuery } from '@/platform/actions/execute-query';
import { requireBrowserSession } from '@/platform/auth/require';
import { attachmentHeaders } from '@/platform/http/attachment';
import { param, route } from '@/platform/http/route';

export const GET = route<{ params: Promise<{ id: string }> }>(async (request, context) => {
  const { actor } = await requireBrowserSession(request);
  const document = await executeQuery(actor, invoicePdfQuery, { invoiceId: await param(context, 'id'), revision: new URL(request.url).searchParams.get('revision') ?? undefined });
  if ('redirect' in document) return Response.redirect(document.redirect, 302);
  return new Response(new Uint8Array(document.pdf), { headers: attachmentHeaders(document.fileName, 'application/pdf') });
});
