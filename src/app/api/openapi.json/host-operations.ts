import { verifyKeyInput } from '@/modules/api-keys/inputs';
import { contractInvoiceInput } from '@/modules/invoices/inputs';
import { organizationUpsertInput, portalSessionInput } from '@/modules/organizations/inputs';
import { ingestInput, MAX_EVENTS_PER_BATCH } from '@/modules/usage/inputs';
import type { OperationSpec } from '@/platform/http/openapi/operation';
import { healthData, healthDownData, ingestData, invoiceData, organizationData, portalSessionData, stripeReceivedData, verifyKeyData } from './responses';

const serverSecret = { type: 'serverSecret' } as const;
const externalId = { externalId: { description: 'The organization’s id in the host product.' } };

/** What the host product's backend, Stripe and monitoring call. */
export const hostOperations: OperationSpec[] = [
  {
    method: 'get',
    path: '/api/health',
    tag: 'Health',
    summary: 'Health check',
    auth: { type: 'public' },
    success: { status: 200, description: 'The portal and its database answer.', mediaType: 'application/json', schema: healthData },
    extraResponses: [{ status: 503, description: 'The database is unreachable.', schema: healthDownData }],
    noEnvelope: true,
  },
  {
    method: 'get',
    path: '/api/openapi.json',
    tag: 'Health',
    summary: 'This API description (OpenAPI 3.1)',
    auth: { type: 'public' },
    success: { status: 200, description: 'The OpenAPI document of the public routes.', mediaType: 'application/json' },
    noEnvelope: true,
  },
  {
    method: 'post',
    path: '/api/v1/portal-sessions',
    tag: 'Host: sign-in handoff',
    summary: 'Create a portal session for a signed-in user of the host product',
    description:
      'Creates the user, organization and membership when missing. `role` applies only when the membership is created; the first member of a new organization is its owner. `path` must be a relative `/account…` path. The URL is single-use and expires after 5 minutes; following it sets the session cookie and redirects to `path` (default `/account`).',
    auth: serverSecret,
    body: { schema: portalSessionInput },
    success: { status: 201, description: 'A single-use sign-in URL.', data: portalSessionData },
    errors: ['conflict', 'rate_limited'],
  },
  {
    method: 'put',
    path: '/api/v1/organizations/{externalId}',
    tag: 'Host: organizations',
    summary: 'Create or update an organization',
    description: 'A contract organization (`billing: "contract"`) has a read-only billing section.',
    auth: serverSecret,
    pathParams: externalId,
    body: { schema: organizationUpsertInput, fromPath: ['externalId'] },
    success: { status: 200, description: 'The organization as stored.', data: organizationData },
  },
  {
    method: 'post',
    path: '/api/v1/organizations/{externalId}/invoices',
    tag: 'Host: organizations',
    summary: 'Issue a contract (offline) invoice',
    description: 'The portal renders its PDF. Amounts are integers in the minor unit of `currency`.',
    auth: serverSecret,
    pathParams: externalId,
    body: { schema: contractInvoiceInput, fromPath: ['externalId'] },
    success: { status: 201, description: 'The invoice.', data: invoiceData },
    errors: ['not_found', 'conflict'],
  },
  {
    method: 'post',
    path: '/api/v1/organizations/{externalId}/invoices/{id}/mark-paid',
    tag: 'Host: organizations',
    summary: 'Confirm the payment of a contract invoice',
    auth: serverSecret,
    pathParams: { ...externalId, id: { description: 'The invoice id.' } },
    success: { status: 200, description: 'The invoice, now paid.', data: invoiceData },
    errors: ['not_found', 'conflict', 'validation_failed'],
  },
  {
    method: 'post',
    path: '/api/v1/keys/verify',
    tag: 'Host: API keys',
    summary: 'Verify a customer’s API key',
    description: 'Also served by the lean server on `API_PORT` when it is set.',
    auth: serverSecret,
    body: { schema: verifyKeyInput },
    success: { status: 200, description: 'Whether the key is valid (for `scope`, when given), and whose it is.', data: verifyKeyData },
  },
  {
    method: 'post',
    path: '/api/v1/usage-events',
    tag: 'Host: usage',
    summary: 'Report usage events',
    description: `At most ${MAX_EVENTS_PER_BATCH} events and 1 MB per request. Each event names its organization (\`organizationId\` or \`organizationExternalId\`); an API key reports for its own organization only. A repeated \`idempotencyKey\` (per organization and meter) is counted once, forever. An event whose meter is unknown or whose \`timestamp\` is older than 35 days or more than 5 minutes ahead is rejected on its own, by index. Also served by the lean server on \`API_PORT\`.`,
    auth: { type: 'serverSecretOrApiKey', scope: 'usage:write' },
    body: { schema: ingestInput },
    success: { status: 200, description: 'What was counted, what was a duplicate, and each rejected event.', data: ingestData },
  },
  {
    method: 'post',
    path: '/api/webhooks/stripe',
    tag: 'Webhooks',
    summary: 'Stripe events',
    description: 'Each event is processed once; a duplicate event id answers 200.',
    auth: { type: 'stripeSignature' },
    rawBody: { mediaType: 'application/json', description: 'The event exactly as Stripe sent it (at most 1 MB): the signature covers the raw bytes.' },
    success: { status: 200, description: 'Received (or a duplicate).', data: stripeReceivedData },
    customErrors: [{ status: 400, code: 'invalid_signature', description: '`invalid_signature`: the signature does not match the body, or it is older than 300 s.' }],
  },
];
