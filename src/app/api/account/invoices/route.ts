import { invoicesQuery } from '@/modules/invoices/queries';
import { executeQuery } from '@/platform/actions/execute-query';
import { requireBrowserSession } from '@/platform/auth/require';
import { ok } from '@/platform/http/envelope';
import { route } from '@/platform/http/route';
import { rangeOf } from './range';

export const GET = route(async (request) => {
  const { actor } = await requireBrowserSession(request);
  return ok(await executeQuery(actor, invoicesQuery, rangeOf(request)));
});
