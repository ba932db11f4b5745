import { newScopeDraft, scopeOverview } from '@/modules/inbox-audit/scope/service';
import { executeAction } from '@/platform/actions/execute';
import { requireStaffRequest } from '@/platform/auth/staff-session';
import { getDb } from '@/platform/db/client';
import { readJsonValue } from '@/platform/http/body';
import { ok } from '@/platform/http/envelope';
import { route } from '@/platform/http/route';

export const GET = route(async (request) => {
  const { actor } = await requireStaffRequest(request, 'staff.scope.read');
  return ok(await scopeOverview(await getDb(), actor.role));
});

export const POST = route(async (request) => {
  const { actor, headers } = await requireStaffRequest(request, 'staff.scope.write');
  return ok(await executeAction(actor, newScopeDraft, await readJsonValue(request), { headers }), 201);
});
