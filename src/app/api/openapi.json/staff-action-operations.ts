import { z } from 'zod';
import { correctionIdInput, staffCorrectionsInput, staffMarkPaidInput } from '@/modules/invoices/inputs';
import type { OperationSpec } from '@/platform/http/openapi/operation';
import { correctionData, invitationData, invoiceData } from './responses';

const staffSession = { type: 'staffSession' } as const;
const id = (what: string) => ({ id: { description: `The ${what}’s id.` } });
const audited = 'Audited in the customer’s activity, where the customer sees “Support (name)” as the actor.';

const stripeEventData = z.object({
  event: z.object({
    id: z.string().describe('Stripe’s event id (`evt_…`).'),
    type: z.string(),
    status: z.enum(['processing', 'processed', 'ignored', 'failed']),
    attempts: z.int(),
    lastError: z.string().nullable(),
    receivedAt: z.iso.datetime(),
    processedAt: z.iso.datetime().nullable(),
  }),
});
const syncData = z.object({ sync: z.object({ organizationId: z.string(), parts: z.array(z.enum(['subscription', 'invoices', 'customer'])), syncedAt: z.iso.datetime() }) });

/** What the support team does for a customer from the console. */
export const staffActionOperations: OperationSpec[] = [
  {
    method: 'get',
    path: '/api/admin/invoice-corrections',
    tag: 'Staff console',
    summary: 'Customers’ requests to correct an issued invoice, newest first',
    auth: staffSession,
    query: staffCorrectionsInput,
    success: {
      status: 200,
      description: 'The corrections, each with its customer and invoice.',
      data: z.object({
        corrections: z.array(
          correctionData.shape.correction.extend({
            organization: z.object({ id: z.string(), name: z.string() }),
            invoice: z.object({ number: z.string().nullable(), provider: z.string() }),
            changedFields: z.array(z.string()),
            approvedAt: z.iso.datetime().nullable(),
          }),
        ),
      }),
    },
    errors: ['validation_failed'],
  },
  {
    method: 'post',
    path: '/api/admin/invoice-corrections/{id}/approve',
    tag: 'Staff console',
    summary: 'Approve a Stripe invoice’s correction (lead)',
    description: `Stripe issues a credit note for the full amount of the invoice and a new invoice with the customer’s details on file now, linked by metadata. Idempotent: approving again, or retrying after a failure, creates nothing more. Refused (409) while the customer’s new details are still being pushed to Stripe. ${audited}`,
    auth: staffSession,
    pathParams: id('correction'),
    body: { schema: correctionIdInput, fromPath: ['correctionId'] },
    success: { status: 200, description: 'The correction, completed.', data: correctionData },
    errors: ['not_found', 'conflict', 'upstream_unavailable'],
  },
  {
    method: 'post',
    path: '/api/admin/invoices/{id}/mark-paid',
    tag: 'Staff console',
    summary: 'Confirm a reported payment',
    description: `A contract invoice becomes paid; a Stripe invoice is first marked paid out of band at Stripe. Confirming a paid invoice again changes nothing. \`reference\` (the transfer’s, say) is kept in the audit row. ${audited}`,
    auth: staffSession,
    pathParams: id('invoice'),
    body: { schema: staffMarkPaidInput, fromPath: ['invoiceId'] },
    success: { status: 200, description: 'The invoice.', data: invoiceData },
    errors: ['not_found', 'conflict'],
  },
  {
    method: 'post',
    path: '/api/admin/invitations/{id}/resend',
    tag: 'Staff console',
    summary: 'Resend a customer’s pending invitation',
    description: `A fresh link, valid 7 days, is mailed again in the name of the member who invited; the old link stops working. ${audited}`,
    auth: staffSession,
    pathParams: id('invitation'),
    success: { status: 200, description: 'The invitation.', data: invitationData },
    errors: ['not_found'],
  },
  {
    method: 'delete',
    path: '/api/admin/invitations/{id}',
    tag: 'Staff console',
    summary: 'Revoke a customer’s pending invitation',
    description: `Its link stops working. ${audited}`,
    auth: staffSession,
    pathParams: id('invitation'),
    success: { status: 200, description: 'The revoked invitation.', data: invitationData },
    errors: ['not_found'],
  },
  {
    method: 'post',
    path: '/api/admin/stripe-events/{id}/replay',
    tag: 'Staff console',
    summary: 'Replay a Stripe event',
    description: `Lead only. Processes a stored event about a customer again, whatever its state (after fixing what made it fail): what it is about is fetched from Stripe anew. An event about no customer of the portal is not found; one a delivery is processing right now is a conflict. ${audited}`,
    auth: staffSession,
    pathParams: { id: { description: 'Stripe’s event id (`evt_…`).' } },
    success: { status: 200, description: 'The event, processed.', data: stripeEventData },
    errors: ['not_found', 'conflict', 'upstream_unavailable'],
  },
  {
    method: 'post',
    path: '/api/admin/customers/{id}/stripe-sync',
    tag: 'Staff console',
    summary: 'Re-sync a customer from Stripe',
    description: `Lead only. Fetches the customer’s subscription, every invoice and the customer (card, billing details) from Stripe and brings the portal’s copy up to date, as \`npm run stripe:sync\` does for every customer. A customer not billed through Stripe is a conflict. ${audited}`,
    auth: staffSession,
    pathParams: id('organization'),
    success: { status: 202, description: 'The customer is in step with Stripe.', data: syncData },
    errors: ['not_found', 'conflict', 'upstream_unavailable'],
  },
];
