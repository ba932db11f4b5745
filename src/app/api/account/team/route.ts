import { can } from '@config/permissions';
import { listTeam } from '@/modules/team/service';
import { requireBrowserSession } from '@/platform/auth/require';
import { getDb } from '@/platform/db/client';
import { ok } from '@/platform/http/envelope';
import { forbidden } from '@/platform/http/errors';
import { route } from '@/platform/http/route';

export const GET = route(async (request) => {
  const { session } = await requireBrowserSession(request);
  if (!can(session.role, 'team.read')) throw forbidden();
  return ok(await listTeam(await getDb(), session.organization.id));
});
