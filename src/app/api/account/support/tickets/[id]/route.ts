import { solveTicket, ticketQuery } from '@/modules/support/service';
import { executeAction } from '@/platform/actions/execute';
import { executeQuery } from '@/platform/actions/execute-query';
import { requireBrowserSession } from '@/platform/auth/require';
import { readJsonInput } from '@/platform/http/body';
import { ok } from '@/platform/http/envelope';
import { param, route } from '@/platform/http/route';

type Context = { params: Promise<{ id: string }> };

export const GET = route<Context>(async (request, context) => {
  const { actor } = await requireBrowserSession(request);
  const { ticket, messages } = await executeQuery(actor, ticketQuery, { ticketId: await param(context, 'id') });
  return ok({ ticket, messages });
});

export const PATCH = route<Context>(async (request, context) => {
  const { actor, headers } = await requireBrowserSession(request);
  return ok(await executeAction(actor, solveTicket, await readJsonInput(request, { ticketId: await param(context, 'id') }), { headers }));
});
