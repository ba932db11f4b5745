import { staffRevokeInvitation } from '@/modules/team/service';
import { executeAction } from '@/platform/actions/execute';
import { requireStaffRequest } from '@/platform/auth/staff-session';
import { ok } from '@/platform/http/envelope';
import { param, route } from '@/platform/http/route';

export const DELETE = route<{ params: Promise<{ id: string }> }>(async (request, context) => {
  const { actor, headers } = await requireStaffRequest(request, 'staff.invitations.revoke');
  const { invitation } = await executeAction(actor, staffRevokeInvitation, { invitationId: await param(context, 'id') }, { headers });
  return ok({ invitation });
});
