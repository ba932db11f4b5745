import { notificationsQuery } from '@/modules/notifications/queries';
import { executeQuery } from '@/platform/actions/execute-query';
import { requireBrowserSession } from '@/platform/auth/require';
import { ok } from '@/platform/http/envelope';
import { route } from '@/platform/http/route';

export const GET = route(async (request) => {
  const { actor } = await requireBrowserSession(request);
  return ok(await executeQuery(actor, notificationsQuery, Object.fromEntries(new URL(request.url).searchParams)));
});
