import { can } from '@config/permissions';
import { auditQuery, listAuditEntries } from '@/modules/audit/service';
import { requireBrowserSession } from '@/platform/auth/require';
import { getDb } from '@/platform/db/client';
import { ok } from '@/platform/http/envelope';
import { forbidden } from '@/platform/http/errors';
import { route } from '@/platform/http/route';
import { parseInput } from '@/platform/http/validation';

export const GET = route(async (request) => {
  const { session } = await requireBrowserSession(request);
  if (!can(session.role, 'audit.read')) throw forbidden();
  const query = parseInput(auditQuery, Object.fromEntries(new URL(request.url).searchParams));
  return ok(await listAuditEntries(await getDb(), session.organization.id, query));
});
