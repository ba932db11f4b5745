import { updateNotificationPreferences } from '@/modules/notifications/actions';
import { preferencesQuery } from '@/modules/notifications/queries';
import { executeAction } from '@/platform/actions/execute';
import { executeQuery } from '@/platform/actions/execute-query';
import { requireBrowserSession } from '@/platform/auth/require';
import { readJsonValue } from '@/platform/http/body';
import { ok } from '@/platform/http/envelope';
import { route } from '@/platform/http/route';

export const GET = route(async (request) => {
  const { actor } = await requireBrowserSession(request);
  return ok(await executeQuery(actor, preferencesQuery, {}));
});

export const PUT = route(async (request) => {
  const { actor, headers } = await requireBrowserSession(request);
  return ok(await executeAction(actor, updateNotificationPreferences, await readJsonValue(request), { headers }));
});
