import { listSectionRollouts } from '@/modules/rollout/service';
import { requireStaffRequest } from '@/platform/auth/staff-session';
import { getDb } from '@/platform/db/client';
import { ok } from '@/platform/http/envelope';
import { route } from '@/platform/http/route';

export const GET = route(async (request) => {
  await requireStaffRequest(request, 'staff.rollout.read');
  return ok({ sections: await listSectionRollouts(await getDb()) });
});
