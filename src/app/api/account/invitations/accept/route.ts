import { acceptInvitation } from '@/modules/team/service';
import { executeAction } from '@/platform/actions/execute';
import { requireSignedInPerson } from '@/platform/auth/require';
import { readJsonInput } from '@/platform/http/body';
import { ok } from '@/platform/http/envelope';
import { route } from '@/platform/http/route';

export const POST = route(async (request) => {
  const { actor, headers } = await requireSignedInPerson(request);
  return ok(await executeAction(actor, acceptInvitation, await readJsonInput(request), { headers }));
});
