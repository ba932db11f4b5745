import { requireBrowserSession } from '@/platform/auth/require';
import { ok } from '@/platform/http/envelope';
import { route } from '@/platform/http/route';
import { meView } from '@/modules/account/service';

export const GET = route(async (request) => {
  const { session } = await requireBrowserSession(request);
  return ok(meView(session));
});
