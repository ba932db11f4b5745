import { updateProfile } from '@/modules/account/actions';
import { executeAction } from '@/platform/actions/execute';
import { requireBrowserSession } from '@/platform/auth/require';
import { readJsonInput } from '@/platform/http/body';
import { ok } from '@/platform/http/envelope';
import { route } from '@/platform/http/route';

export const PATCH = route(async (request) => {
  const { actor, headers } = await requireBrowserSession(request);
  const { user } = await executeAction(actor, updateProfile, await readJsonInput(request), { headers });
  return ok({ user });
});
