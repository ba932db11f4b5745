import { eq } from 'drizzle-orm';
import { defineAction } from '@/platform/actions/define';
import { notFound } from '@/platform/http/errors';
import { organization } from '@/platform/tenancy/schema';
import { audited, ticketRef } from './actions';
import { hostTicketInput } from './inputs';
import { fileTicket } from './store';
import { ticketView } from './view';

/** `POST /api/v1/tickets`: the host product's own contact form files into the same queue. */
export const fileHostTicket = defineAction({
  name: 'host.tickets.create',
  input: hostTicketInput,
  async run(ctx, input) {
    const [org] = await ctx.tx.select({ id: organization.id }).from(organization).where(eq(organization.externalId, input.organizationExternalId));
    if (!org) throw notFound('Organization');
    const { ticket, autoAnswered } = await fileTicket(ctx.tx, {
      organizationId: org.id,
      subject: input.subject,
      body: input.body,
      category: input.category ?? null,
      createdByUserId: null,
      requesterEmail: input.requester.email.trim().toLowerCase(),
      requesterName: input.requester.name ?? null,
      source: 'host',
      attemptId: null,
    });
    ctx.emit('ticket.created', { ...ticketRef(ticket), category: ticket.category, source: 'host', autoAnswered });
    return { result: { ticket: ticketView(ticket) }, audit: { entityType: 'ticket', entityId: ticket.id, organizationId: org.id, after: audited(ticket) } };
  },
});
