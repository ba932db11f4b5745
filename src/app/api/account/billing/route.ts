import { billingQuery } from '@/modules/billing/queries';
import { executeQuery } from '@/platform/actions/execute-query';
import { requireBrowserSession } from '@/platform/auth/require';
import { ok } from '@/platform/http/envelope';
import { route } from '@/platform/http/route';

export const GET = route(async (request) => {
  const { actor } = await requireBrowserSession(request);
  return ok(await executeQuery(actor, billingQuery, {}));
});
