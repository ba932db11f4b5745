import { staffResendAndMail } from '@/modules/team/service';
import { requireStaffRequest } from '@/platform/auth/staff-session';
import { ok } from '@/platform/http/envelope';
import { param, route } from '@/platform/http/route';

export const POST = route<{ params: Promise<{ id: string }> }>(async (request, context) => {
  const { actor, headers } = await requireStaffRequest(request, 'staff.invitations.resend');
  return ok({ invitation: await staffResendAndMail(actor, { invitationId: await param(context, 'id') }, { headers }) });
});
