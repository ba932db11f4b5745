import { z } from 'zod';
import { createEndpointInput, deliveriesQuery, updateEndpointInput, WEBHOOK_RETRY_SCHEDULE } from '@/modules/webhooks/service';
import type { OperationSpec } from '@/platform/http/openapi/operation';

const serverSecret = { type: 'serverSecret' } as const;
const tag = 'Host: webhooks';
const endpointId = { id: { description: 'The endpoint id.' } };
const time = z.iso.datetime();

const endpoint = z.object({
  id: z.string(),
  url: z.url(),
  events: z.array(z.string()).describe('Event types of the README’s table, or `["*"]`.'),
  description: z.string().nullable(),
  enabled: z.boolean(),
  failingSince: time.nullable().describe('Deliveries have failed since then without a success; after 5 days the endpoint is disabled.'),
  disabledAt: time.nullable().describe('When the portal disabled it for failing.'),
  createdAt: time,
  updatedAt: time,
});
const endpointData = z.object({ endpoint });
const delivery = z.object({
  id: z.string(),
  eventId: z.string().describe('The `webhook-id` the receiver saw.'),
  type: z.string(),
  status: z.enum(['pending', 'succeeded', 'failed']),
  attempts: z.int(),
  lastResponseStatus: z.int().nullable().describe('The HTTP status of the last attempt; null when it got no answer.'),
  nextAttemptAt: time.nullable(),
  createdAt: time,
});

const schedule = WEBHOOK_RETRY_SCHEDULE.map((s) => (s < 60 ? `${s} s` : s < 3600 ? `${s / 60} min` : `${s / 3600} h`)).join(', ');

/** The host product's subscriptions to the portal's events (API.md, "Outbound webhooks"). */
export const webhookOperations: OperationSpec[] = [
  {
    method: 'post',
    path: '/api/v1/webhook-endpoints',
    tag,
    summary: 'Subscribe an endpoint to events',
    description: `Each event is POSTed as \`{"id", "type", "createdAt", "organization": {"id", "externalId"}, "data"}\`, signed per the Standard Webhooks specification with the secret answered here (\`webhook-id\` = the event id, \`webhook-timestamp\`, \`webhook-signature\`). A non-2xx answer or none within 10 s is retried after ${schedule}; an endpoint failing for 5 days straight is disabled and the support team notified.`,
    auth: serverSecret,
    body: { schema: createEndpointInput },
    success: { status: 201, description: 'The endpoint with its signing secret: the only answer that holds it.', data: z.object({ endpoint: endpoint.extend({ secret: z.string().describe('`whsec_…`: shown once.') }) }) },
  },
  {
    method: 'get',
    path: '/api/v1/webhook-endpoints',
    tag,
    summary: 'List the endpoints',
    auth: serverSecret,
    success: { status: 200, description: 'Every endpoint, oldest first, without secrets.', data: z.object({ endpoints: z.array(endpoint) }) },
  },
  {
    method: 'patch',
    path: '/api/v1/webhook-endpoints/{id}',
    tag,
    summary: 'Change an endpoint’s URL, events or state',
    description: 'Enabling a disabled endpoint starts its failure count afresh.',
    auth: serverSecret,
    pathParams: endpointId,
    body: { schema: updateEndpointInput, fromPath: ['id'] },
    success: { status: 200, description: 'The endpoint.', data: endpointData },
    errors: ['not_found'],
  },
  {
    method: 'delete',
    path: '/api/v1/webhook-endpoints/{id}',
    tag,
    summary: 'Delete an endpoint',
    description: 'Its past deliveries stay on record.',
    auth: serverSecret,
    pathParams: endpointId,
    success: { status: 200, description: 'The endpoint as it was.', data: endpointData },
    errors: ['not_found'],
  },
  {
    method: 'get',
    path: '/api/v1/webhook-endpoints/{id}/deliveries',
    tag,
    summary: 'An endpoint’s deliveries',
    auth: serverSecret,
    pathParams: endpointId,
    query: deliveriesQuery,
    success: { status: 200, description: 'Newest first.', data: z.object({ deliveries: z.array(delivery) }) },
    errors: ['not_found'],
  },
  {
    method: 'post',
    path: '/api/v1/webhook-deliveries/{id}/retry',
    tag,
    summary: 'Deliver again now',
    description: 'Delivered or failed alike, the delivery is attempted again at once.',
    auth: serverSecret,
    pathParams: { id: { description: 'The delivery id.' } },
    success: { status: 202, description: 'Queued.', data: z.object({ delivery: z.object({ id: z.string(), status: z.literal('pending') }) }) },
    errors: ['not_found'],
  },
];
