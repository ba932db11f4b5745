import { invoiceArchive, invoiceRangeInput } from '@/modules/invoices/service';
import { requireBrowserPermission } from '@/platform/auth/require';
import { getDb } from '@/platform/db/client';
import { attachmentHeaders } from '@/platform/http/attachment';
import { route } from '@/platform/http/route';
import { parseInput } from '@/platform/http/validation';
import { rangeOf } from '../range';

export const GET = route(async (request) => {
  const { session } = await requireBrowserPermission(request, 'invoices.read');
  const range = parseInput(invoiceRangeInput, rangeOf(request));
  const zip = await invoiceArchive(await getDb(), session.organization.id, range);
  const name = `invoices${range.from ? `-from-${range.from}` : ''}${range.to ? `-to-${range.to}` : ''}.zip`;
  return new Response(new Uint8Array(zip), { headers: attachmentHeaders(name, 'application/zip') });
});
