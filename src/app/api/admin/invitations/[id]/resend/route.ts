import { staffResendInvitation } from '@/modules/team/service';
import { executeAction } from '@/platform/actions/execute';
import { requireStaffRequest } from '@/platform/auth/staff-session';
import { ok } from '@/platform/http/envelope';
import { param, route } from '@/platform/http/route';

export const POST = route<{ params: Promise<{ id: string }> }>(async (request, context) => {
  const { actor, headers } = await requireStaffRequest(request, 'staff.invitations.resend');
  const { invitation } = await executeAction(actor, staffResendInvitation, { invitationId: await param(context, 'id') }, { headers });
  return ok({ invitation });
});
