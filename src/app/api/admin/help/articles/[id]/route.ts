import { deleteHelpArticle, updateHelpArticle } from '@/modules/help/actions';
import { executeAction } from '@/platform/actions/execute';
import { requireStaffRequest } from '@/platform/auth/staff-session';
import { readJsonValue } from '@/platform/http/body';
import { ok } from '@/platform/http/envelope';
import { param, route } from '@/platform/http/route';

type Context = { params: Promise<{ id: string }> };

export const PATCH = route<Context>(async (request, context) => {
  const { actor, headers } = await requireStaffRequest(request, 'staff.help.write');
  const body = await readJsonValue(request);
  return ok(await executeAction(actor, updateHelpArticle, { ...(body as object), id: await param(context, 'id') }, { headers }));
});

export const DELETE = route<Context>(async (request, context) => {
  const { actor, headers } = await requireStaffRequest(request, 'staff.help.delete');
  return ok(await executeAction(actor, deleteHelpArticle, { id: await param(context, 'id') }, { headers }));
});
