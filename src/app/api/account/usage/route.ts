import { can } from '@config/permissions';
import { usageOverview } from '@/modules/usage/service';
import { requireBrowserSession } from '@/platform/auth/require';
import { getDb } from '@/platform/db/client';
import { ok } from '@/platform/http/envelope';
import { forbidden } from '@/platform/http/errors';
import { route } from '@/platform/http/route';

export const GET = route(async (request) => {
  const { session } = await requireBrowserSession(request);
  if (!can(session.role, 'usage.read')) throw forbidden();
  const { meters } = await usageOverview(await getDb(), session.organization);
  return ok({ meters: meters.map(({ meter, unit, used, limit, percent, period }) => ({ meter, unit, used, limit, percent, period })) });
});
