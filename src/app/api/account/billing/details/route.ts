import { changeBillingDetails } from '@/modules/billing/service';
import { requireBrowserSession } from '@/platform/auth/require';
import { readJsonValue } from '@/platform/http/body';
import { ok } from '@/platform/http/envelope';
import { route } from '@/platform/http/route';

export const PATCH = route(async (request) => {
  const { actor, headers } = await requireBrowserSession(request);
  return ok(await changeBillingDetails(actor, await readJsonValue(request), { headers }));
});
