import { inviteAndMail, inviteInput } from '@/modules/team/service';
import { requireBrowserSession } from '@/platform/auth/require';
import { readJson } from '@/platform/http/body';
import { ok } from '@/platform/http/envelope';
import { route } from '@/platform/http/route';

export const POST = route(async (request) => {
  const { actor, headers } = await requireBrowserSession(request);
  const body = await readJson(request, inviteInput);
  return ok({ invitation: await inviteAndMail(actor, body, { headers }) }, 201);
});
