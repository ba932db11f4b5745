import { markNotificationsRead } from '@/modules/notifications/actions';
import { executeAction } from '@/platform/actions/execute';
import { requireBrowserSession } from '@/platform/auth/require';
import { readJsonValue } from '@/platform/http/body';
import { ok } from '@/platform/http/envelope';
import { route } from '@/platform/http/route';

export const POST = route(async (request) => {
  const { actor, headers } = await requireBrowserSession(request);
  const { unreadCount } = await executeAction(actor, markNotificationsRead, await readJsonValue(request), { headers });
  return ok({ unreadCount });
});
