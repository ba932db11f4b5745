import { correctAuditTicket } from '@/modules/inbox-audit/actions';
import { executeAction } from '@/platform/actions/execute';
import { requireStaffRequest } from '@/platform/auth/staff-session';
import { readJsonValue } from '@/platform/http/body';
import { ok } from '@/platform/http/envelope';
import { param, route } from '@/platform/http/route';

type Context = { params: Promise<{ id: string; ticketId: string }> };

export const PATCH = route<Context>(async (request, context) => {
  const { actor, headers } = await requireStaffRequest(request, 'staff.inbox_audits.correct');
  const body = await readJsonValue(request);
  const input = { ...(body as object), id: await param(context, 'id'), ticketId: await param(context, 'ticketId') };
  return ok(await executeAction(actor, correctAuditTicket, input, { headers }));
});
