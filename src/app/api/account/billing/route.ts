import { billingOverviewOf } from '@/modules/billing/service';
import { billingWithFirstSync } from '@/modules/stripe-sync/service';
import { requireBrowserPermission } from '@/platform/auth/require';
import { getDb } from '@/platform/db/client';
import { ok } from '@/platform/http/envelope';
import { route } from '@/platform/http/route';

export const GET = route(async (request) => {
  const { session } = await requireBrowserPermission(request, 'billing.read');
  const { synced: _synced, ...overview } = billingOverviewOf(await billingWithFirstSync(await getDb(), session.organization.id));
  return ok(overview);
});
