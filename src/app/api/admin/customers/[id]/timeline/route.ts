import { customerTimeline, timelineQuery } from '@/modules/timeline/service';
import { requireStaffRequest } from '@/platform/auth/staff-session';
import { getDb } from '@/platform/db/client';
import { ok } from '@/platform/http/envelope';
import { param, route } from '@/platform/http/route';
import { parseInput } from '@/platform/http/validation';

export const GET = route<{ params: Promise<{ id: string }> }>(async (request, context) => {
  await requireStaffRequest(request, 'staff.customers.read');
  const organizationId = await param(context, 'id');
  const query = parseInput(timelineQuery, Object.fromEntries(new URL(request.url).searchParams));
  return ok(await customerTimeline(await getDb(), organizationId, query));
});
