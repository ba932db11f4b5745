import { z } from 'zod';
import { eventTypes } from '@config/events';
import { notificationRulesInput } from '@/modules/support-alerts/service';
import type { OperationSpec } from '@/platform/http/openapi/operation';

const rule = z.object({
  event: z.enum(eventTypes),
  label: z.string(),
  slack: z.array(z.string()).describe('Slack incoming-webhook URLs, masked (`https://hooks.slack.com/services/T0…/…abcd`): never shown in full after saving.'),
  email: z.array(z.string()).describe('Support addresses.'),
  console: z.boolean().describe('Shown on the customer’s timeline in the console.'),
  supportTeam: z.boolean().describe('One of the events the support team gets by default.'),
  saved: z.boolean().describe('False while the event has the default rule.'),
});
const rulesData = z.object({ rules: z.array(rule) });

/** Where the support team hears of events: Slack incoming webhooks and support addresses, per event. */
export const notificationRuleOperations: OperationSpec[] = [
  {
    method: 'get',
    path: '/api/admin/notification-rules',
    tag: 'Staff console',
    summary: 'The support team’s notification rules',
    description:
      'Every event of the catalog with its rule, the support team’s events first. Until a rule is saved, an event has the default: `console` on for the support team’s events (plan changed, payment failed, member removed, usage limit reached, bank transfer reported), no Slack URL and no address.',
    auth: { type: 'staffSession' },
    success: { status: 200, description: 'The rules.', data: rulesData },
  },
  {
    method: 'put',
    path: '/api/admin/notification-rules',
    tag: 'Staff console',
    summary: 'Set the support team’s notification rules',
    description:
      'Lead only. Sets the rules of the events listed; the others keep theirs. A Slack URL must be https (plain http only to a loopback address); a masked URL from a GET keeps the URL saved under it. A URL no rule names any more is forgotten. Audited without the URLs.',
    auth: { type: 'staffSession' },
    body: { schema: notificationRulesInput },
    success: { status: 200, description: 'Every rule, as GET answers.', data: rulesData },
    errors: ['forbidden'],
  },
];
