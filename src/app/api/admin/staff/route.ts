import { inviteStaff, inviteStaffInput, listStaff } from '@/modules/staff/service';
import { executeAction } from '@/platform/actions/execute';
import { requireStaffRequest } from '@/platform/auth/staff-session';
import { getDb } from '@/platform/db/client';
import { readJson } from '@/platform/http/body';
import { ok } from '@/platform/http/envelope';
import { route } from '@/platform/http/route';

export const GET = route(async (request) => {
  await requireStaffRequest(request, 'staff.staff.manage');
  return ok({ staff: await listStaff(await getDb()) });
});

export const POST = route(async (request) => {
  const { actor, headers } = await requireStaffRequest(request, 'staff.staff.invite');
  const body = await readJson(request, inviteStaffInput);
  return ok(await executeAction(actor, inviteStaff, body, { headers }), 201);
});
