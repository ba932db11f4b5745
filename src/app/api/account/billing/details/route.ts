import { updateBillingDetails } from '@/modules/billing/service';
import { executeAction } from '@/platform/actions/execute';
import { requireBrowserSession } from '@/platform/auth/require';
import { readJsonValue } from '@/platform/http/body';
import { ok } from '@/platform/http/envelope';
import { route } from '@/platform/http/route';

export const PATCH = route(async (request) => {
  const { actor, headers } = await requireBrowserSession(request);
  return ok(await executeAction(actor, updateBillingDetails, await readJsonValue(request), { headers }));
});
