import { listFeedback, staffFeedbackQuery } from '@/modules/feedback/service';
import { requireStaffRequest } from '@/platform/auth/staff-session';
import { getDb } from '@/platform/db/client';
import { ok } from '@/platform/http/envelope';
import { route } from '@/platform/http/route';
import { parseInput } from '@/platform/http/validation';

export const GET = route(async (request) => {
  await requireStaffRequest(request, 'staff.feedback.read');
  const query = parseInput(staffFeedbackQuery, Object.fromEntries(new URL(request.url).searchParams));
  return ok(await listFeedback(await getDb(), query));
});
