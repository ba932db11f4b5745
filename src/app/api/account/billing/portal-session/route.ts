import { openBillingPortal } from '@/modules/billing/service';
import { executeAction } from '@/platform/actions/execute';
import { requireBrowserSession } from '@/platform/auth/require';
import { readJsonValue } from '@/platform/http/body';
import { ok } from '@/platform/http/envelope';
import { route } from '@/platform/http/route';

export const POST = route(async (request) => {
  const { actor, headers } = await requireBrowserSession(request);
  return ok(await executeAction(actor, openBillingPortal, await readJsonValue(request), { headers }));
});
