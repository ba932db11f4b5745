import { editScopeDraft, scopeVersionFor } from '@/modules/inbox-audit/scope/service';
import { executeAction } from '@/platform/actions/execute';
import { requireStaffRequest } from '@/platform/auth/staff-session';
import { getDb } from '@/platform/db/client';
import { readJsonValue } from '@/platform/http/body';
import { ok } from '@/platform/http/envelope';
import { route } from '@/platform/http/route';
import { versionParam, type VersionContext } from '../version-param';

export const GET = route<VersionContext>(async (request, context) => {
  const { actor } = await requireStaffRequest(request, 'staff.scope.read');
  return ok({ document: await scopeVersionFor(await getDb(), actor.role, await versionParam(context)) });
});

export const PATCH = route<VersionContext>(async (request, context) => {
  const { actor, headers } = await requireStaffRequest(request, 'staff.scope.write');
  const version = await versionParam(context);
  const body = await readJsonValue(request);
  return ok(await executeAction(actor, editScopeDraft, { ...(body as object), version }, { headers }));
});
