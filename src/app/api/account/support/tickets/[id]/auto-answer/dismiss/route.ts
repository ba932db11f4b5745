import { dismissAutoAnswer } from '@/modules/support/service';
import { executeAction } from '@/platform/actions/execute';
import { requireBrowserSession } from '@/platform/auth/require';
import { ok } from '@/platform/http/envelope';
import { param, route } from '@/platform/http/route';

/** "I still need a person": not in API.md's list yet; the lead documents it there. */
export const POST = route<{ params: Promise<{ id: string }> }>(async (request, context) => {
  const { actor, headers } = await requireBrowserSession(request);
  return ok(await executeAction(actor, dismissAutoAnswer, { ticketId: await param(context, 'id') }, { headers }));
});
