import { updateProfile } from '@/modules/account/actions';
import { profileInput } from '@/modules/account/inputs';
import { executeAction } from '@/platform/actions/execute';
import { requireBrowserSession } from '@/platform/auth/require';
import { readJson } from '@/platform/http/body';
import { ok } from '@/platform/http/envelope';
import { route } from '@/platform/http/route';

export const PATCH = route(async (request) => {
  const { actor, headers } = await requireBrowserSession(request);
  const body = await readJson(request, profileInput);
  const { user } = await executeAction(actor, updateProfile, body, { headers });
  return ok({ user });
});
