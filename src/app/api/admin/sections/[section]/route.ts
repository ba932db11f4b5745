import { switchSection } from '@/modules/rollout/service';
import { executeAction } from '@/platform/actions/execute';
import { requireStaffRequest } from '@/platform/auth/staff-session';
import { readJsonInput } from '@/platform/http/body';
import { ok } from '@/platform/http/envelope';
import { param, route } from '@/platform/http/route';

type Context = { params: Promise<{ section: string }> };

export const PATCH = route<Context>(async (request, context) => {
  const { actor, headers } = await requireStaffRequest(request, 'staff.rollout.update');
  return ok(await executeAction(actor, switchSection, await readJsonInput(request, { section: await param(context, 'section') }), { headers }));
});
