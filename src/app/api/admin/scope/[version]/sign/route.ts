import { signScope } from '@/modules/inbox-audit/scope/service';
import { executeAction } from '@/platform/actions/execute';
import { requireStaffRequest } from '@/platform/auth/staff-session';
import { ok } from '@/platform/http/envelope';
import { route } from '@/platform/http/route';
import { versionParam, type VersionContext } from '../../version-param';

export const POST = route<VersionContext>(async (request, context) => {
  const { actor, headers } = await requireStaffRequest(request, 'staff.scope.sign');
  return ok(await executeAction(actor, signScope, { version: await versionParam(context) }, { headers }));
});
