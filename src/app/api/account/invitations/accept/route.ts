import { acceptInput, acceptInvitation } from '@/modules/team/service';
import { executeAction } from '@/platform/actions/execute';
import { requireSignedInPerson } from '@/platform/auth/require';
import { readJson } from '@/platform/http/body';
import { ok } from '@/platform/http/envelope';
import { route } from '@/platform/http/route';

export const POST = route(async (request) => {
  const { actor, headers } = await requireSignedInPerson(request);
  const body = await readJson(request, acceptInput);
  return ok(await executeAction(actor, acceptInvitation, body, { headers }));
});
