import { invoiceArchiveQuery } from '@/modules/invoices/queries';
import { executeQuery } from '@/platform/actions/execute-query';
import { requireBrowserSession } from '@/platform/auth/require';
import { attachmentHeaders } from '@/platform/http/attachment';
import { route } from '@/platform/http/route';
import { rangeOf } from '../range';

export const GET = route(async (request) => {
  const { actor } = await requireBrowserSession(request);
  const { zip, fileName } = await executeQuery(actor, invoiceArchiveQuery, rangeOf(request));
  return new Response(new Uint8Array(zip), { headers: attachmentHeaders(fileName, 'application/zip') });
});
