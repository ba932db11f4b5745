import { invoiceRangeInput, listInvoices } from '@/modules/invoices/service';
import { billingWithFirstSync } from '@/modules/stripe-sync/service';
import { requireBrowserPermission } from '@/platform/auth/require';
import { getDb } from '@/platform/db/client';
import { ok } from '@/platform/http/envelope';
import { route } from '@/platform/http/route';
import { parseInput } from '@/platform/http/validation';
import { rangeOf } from './range';

export const GET = route(async (request) => {
  const { session } = await requireBrowserPermission(request, 'invoices.read');
  const range = parseInput(invoiceRangeInput, rangeOf(request));
  const db = await getDb();
  await billingWithFirstSync(db, session.organization.id);
  return ok({ invoices: await listInvoices(db, session.organization.id, range) });
});
