import packageJson from '../../../../package.json';
import { buildOpenApiDocument, type OpenApiDocument } from '@/platform/http/openapi/document';
import { accountOperations } from './account-operations';
import { adminOperations } from './admin-operations';
import { deflectionOperations } from './deflection-operations';
import { feedbackOperations } from './feedback-operations';
import { helpOperations } from './help-operations';
import { rolloutOperations } from './rollout-operations';
import { hostOperations } from './host-operations';
import { inboxAuditOperations } from './inbox-audit-operations';
import { notificationRuleOperations } from './notification-rule-operations';
import { scopeOperations } from './scope-operations';
import { staffActionOperations } from './staff-action-operations';
import { staffOperations } from './staff-operations';
import { supportSuggestionOperations } from './support-suggestion-operations';
import { ticketOperations } from './ticket-operations';
import { webhookOperations } from './webhook-operations';

const description = `The public HTTP surface of Deflect: the server-to-server API of the host product, the portal's JSON API, the staff console's and the webhooks.

- Every JSON answer is \`{"success": true, "data": …}\` or \`{"success": false, "error": {"code", "message", "fields"?}}\` (\`fields\` only for \`validation_failed\`). No stack trace, SQL or library message ever reaches the client.
- An id of another organization answers \`not_found\`, never \`forbidden\`.
- Bodies over 64 KB answer 413 (usage events: 1 MB). Malformed JSON answers 422.
- Times are ISO 8601 UTC strings. Money is an integer in the currency's minor unit plus a lowercase ISO currency code.
- Roles: \`owner\`, \`admin\`, \`billing\`, \`member\`, \`viewer\`; in the staff console, \`agent\` and \`lead\`.
- An answer may hold more fields than described here; a described field is never dropped or renamed.`;

const tags = [
  { name: 'Health', description: 'For load balancers and monitoring.' },
  { name: 'Host: sign-in handoff', description: 'The host product signs its users into the portal.' },
  { name: 'Host: organizations', description: 'The host product keeps organizations and contract invoices in sync.' },
  { name: 'Host: API keys', description: 'The host product’s API checks its customers’ keys.' },
  { name: 'Host: usage', description: 'The host product reports metered usage.' },
  { name: 'Host: support', description: 'The host product files tickets into the support queue.' },
  { name: 'Host: webhooks', description: 'The host product subscribes to the portal’s events, delivered signed to its endpoints.' },
  { name: 'Webhooks', description: 'Events from Stripe.' },
  { name: 'Account', description: 'The portal’s JSON API: the signed-in user.' },
  { name: 'Notifications', description: 'The signed-in person’s notifications (the bell) and their channels per event.' },
  { name: 'Help', description: 'The help drawer’s articles and “Was this helpful?”.' },
  { name: 'Team', description: 'Members, roles and invitations.' },
  { name: 'API keys', description: 'The customer’s keys for the host product’s API.' },
  { name: 'Usage', description: 'Metered usage against the plan’s limits.' },
  { name: 'Billing', description: 'Plan, payment method and bill-to details.' },
  { name: 'Invoices', description: 'Invoices, their PDFs and reported payments.' },
  { name: 'Support', description: 'Contact support: suggestions while the customer writes, tickets and their threads.' },
  { name: 'Feedback', description: 'The typed feedback form on every portal page.' },
  { name: 'Staff console', description: 'The support team’s side, with the staff session cookie: customers, their timeline, the audit trail.' },
];

let document: OpenApiDocument | undefined;

/** The OpenAPI document of every public route (built once, on first use). */
export function openApiDocument(): OpenApiDocument {
  document ??= buildOpenApiDocument({
    info: { title: 'Deflect API', version: packageJson.version, description },
    tags,
    operations: [...hostOperations, ...webhookOperations, ...accountOperations, ...supportSuggestionOperations, ...ticketOperations, ...feedbackOperations, ...staffOperations, ...staffActionOperations, ...adminOperations, ...notificationRuleOperations, ...helpOperations, ...scopeOperations, ...deflectionOperations, ...inboxAuditOperations, ...rolloutOperations],
  });
  return document;
}
