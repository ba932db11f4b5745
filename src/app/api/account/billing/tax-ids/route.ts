import { addOrganizationTaxId } from '@/modules/billing/service';
import { requireBrowserSession } from '@/platform/auth/require';
import { readJsonValue } from '@/platform/http/body';
import { ok } from '@/platform/http/envelope';
import { route } from '@/platform/http/route';

export const POST = route(async (request) => {
  const { actor, headers } = await requireBrowserSession(request);
  return ok(await addOrganizationTaxId(actor, await readJsonValue(request), { headers }), 201);
});
