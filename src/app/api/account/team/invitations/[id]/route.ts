import { revokeInvitation } from '@/modules/team/service';
import { executeAction } from '@/platform/actions/execute';
import { requireBrowserSession } from '@/platform/auth/require';
import { ok } from '@/platform/http/envelope';
import { param, route } from '@/platform/http/route';

export const DELETE = route<{ params: Promise<{ id: string }> }>(async (request, context) => {
  const { actor, headers } = await requireBrowserSession(request);
  return ok(await executeAction(actor, revokeInvitation, { invitationId: await param(context, 'id') }, { headers }));
});
