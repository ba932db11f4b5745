import { removeStaff, staffChangeInput, updateStaff } from '@/modules/staff/service';
import { executeAction } from '@/platform/actions/execute';
import { requireStaffRequest } from '@/platform/auth/staff-session';
import { readJson } from '@/platform/http/body';
import { ok } from '@/platform/http/envelope';
import { param, route } from '@/platform/http/route';

type Context = { params: Promise<{ id: string }> };

export const PATCH = route<Context>(async (request, context) => {
  const { actor, headers } = await requireStaffRequest(request, 'staff.staff.update');
  const body = await readJson(request, staffChangeInput);
  return ok(await executeAction(actor, updateStaff, { ...body, id: await param(context, 'id') }, { headers }));
});

export const DELETE = route<Context>(async (request, context) => {
  const { actor, headers } = await requireStaffRequest(request, 'staff.staff.remove');
  return ok(await executeAction(actor, removeStaff, { id: await param(context, 'id') }, { headers }));
});
