import { listNotificationRules, notificationRulesInput, updateNotificationRules } from '@/modules/support-alerts/service';
import { executeAction } from '@/platform/actions/execute';
import { requireStaffRequest } from '@/platform/auth/staff-session';
import { getDb } from '@/platform/db/client';
import { readJson } from '@/platform/http/body';
import { ok } from '@/platform/http/envelope';
import { route } from '@/platform/http/route';

export const GET = route(async (request) => {
  await requireStaffRequest(request, 'staff.notification_rules.read');
  return ok({ rules: await listNotificationRules(await getDb()) });
});

export const PUT = route(async (request) => {
  const { actor, headers } = await requireStaffRequest(request, 'staff.notification_rules.update');
  const body = await readJson(request, notificationRulesInput);
  return ok(await executeAction(actor, updateNotificationRules, body, { headers }));
});
