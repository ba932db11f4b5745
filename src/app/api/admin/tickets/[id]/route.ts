import { staffThread, staffUpdateTicket } from '@/modules/support/service';
import { executeAction } from '@/platform/actions/execute';
import { requireStaffRequest } from '@/platform/auth/staff-session';
import { getDb } from '@/platform/db/client';
import { readJsonInput } from '@/platform/http/body';
import { ok } from '@/platform/http/envelope';
import { param, route } from '@/platform/http/route';

type Context = { params: Promise<{ id: string }> };

export const GET = route<Context>(async (request, context) => {
  await requireStaffRequest(request, 'staff.tickets.read');
  return ok(await staffThread(await getDb(), await param(context, 'id')));
});

export const PATCH = route<Context>(async (request, context) => {
  const { actor, headers } = await requireStaffRequest(request, 'staff.tickets.update');
  return ok(await executeAction(actor, staffUpdateTicket, await readJsonInput(request, { ticketId: await param(context, 'id') }), { headers }));
});
