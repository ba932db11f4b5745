import { staffReplayStripeEvent } from '@/modules/stripe-sync/service';
import { executeAction } from '@/platform/actions/execute';
import { requireStaffRequest } from '@/platform/auth/staff-session';
import { ok } from '@/platform/http/envelope';
import { param, route } from '@/platform/http/route';

export const POST = route<{ params: Promise<{ id: string }> }>(async (request, context) => {
  const { actor, headers } = await requireStaffRequest(request, 'staff.stripe_events.replay');
  return ok(await executeAction(actor, staffReplayStripeEvent, { eventId: await param(context, 'id') }, { headers }));
});
