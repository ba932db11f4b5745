import { changeRole, removeMember } from '@/modules/team/service';
import { executeAction } from '@/platform/actions/execute';
import { requireBrowserSession } from '@/platform/auth/require';
import { readJsonInput } from '@/platform/http/body';
import { ok } from '@/platform/http/envelope';
import { param, route } from '@/platform/http/route';

type Context = { params: Promise<{ memberId: string }> };

export const PATCH = route<Context>(async (request, context) => {
  const { actor, headers } = await requireBrowserSession(request);
  const { member } = await executeAction(actor, changeRole, await readJsonInput(request, { memberId: await param(context, 'memberId') }), { headers });
  return ok({ member });
});

export const DELETE = route<Context>(async (request, context) => {
  const { actor, headers } = await requireBrowserSession(request);
  const { member } = await executeAction(actor, removeMember, { memberId: await param(context, 'memberId') }, { headers });
  return ok({ member });
});
