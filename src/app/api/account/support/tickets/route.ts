import { createTicket, ticketsQuery } from '@/modules/support/service';
import { executeAction } from '@/platform/actions/execute';
import { executeQuery } from '@/platform/actions/execute-query';
import { requireBrowserSession } from '@/platform/auth/require';
import { readJsonInput } from '@/platform/http/body';
import { ok } from '@/platform/http/envelope';
import { route } from '@/platform/http/route';

export const GET = route(async (request) => {
  const { actor } = await requireBrowserSession(request);
  return ok(await executeQuery(actor, ticketsQuery, Object.fromEntries(new URL(request.url).searchParams)));
});

export const POST = route(async (request) => {
  const { actor, headers } = await requireBrowserSession(request);
  return ok(await executeAction(actor, createTicket, await readJsonInput(request), { headers }), 201);
});
