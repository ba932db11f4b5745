import { staffQueueInput, ticketQueue } from '@/modules/support/service';
import { requireStaffRequest } from '@/platform/auth/staff-session';
import { getDb } from '@/platform/db/client';
import { ok } from '@/platform/http/envelope';
import { route } from '@/platform/http/route';
import { parseInput } from '@/platform/http/validation';

export const GET = route(async (request) => {
  const { actor } = await requireStaffRequest(request, 'staff.tickets.read');
  const query = parseInput(staffQueueInput, Object.fromEntries(new URL(request.url).searchParams));
  return ok(await ticketQueue(await getDb(), { ...query, assignee: query.assignee === 'me' && actor.type === 'staff' ? actor.staffId : query.assignee }));
});
