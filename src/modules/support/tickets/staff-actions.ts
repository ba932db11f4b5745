import { eq } from 'drizzle-orm';
import { defineAction, type ActionContext } from '@/platform/actions/define';
import { customerInReach } from '@/platform/actions/staff-reach';
import { staffUser } from '@/platform/auth/staff-schema';
import { AppError, forbidden } from '@/platform/http/errors';
import { tickets } from '../schema';
import { audited, ticketRef } from './actions';
import { staffReplyInput, staffUpdateInput } from './inputs';
import { addMessage, lockTicket, updateTicket } from './store';
import { staffMessageView, staffTicketView } from './view';

/** The ticket a staff action touches, locked; outside the staff member's reach it is not found. */
async function reachableTicket(ctx: ActionContext, ticketId: string) {
  if (ctx.actor.type !== 'staff') throw forbidden();
  const [row] = await ctx.tx.select({ organizationId: tickets.organizationId }).from(tickets).where(eq(tickets.id, ticketId));
  const organizationId = customerInReach(ctx.actor, row?.organizationId, 'Ticket');
  return { staff: ctx.actor, ticket: await lockTicket(ctx.tx, organizationId, ticketId) };
}

/**
 * A staff reply (the customer hears of it; the ticket then waits on them unless a status is given) or
 * an internal note (the customer never sees it and nothing customer-facing is emitted).
 */
export const staffReply = defineAction({
  name: 'staff.tickets.reply',
  input: staffReplyInput,
  async run(ctx, input) {
    const { staff, ticket } = await reachableTicket(ctx, input.ticketId);
    const internal = input.internal ?? false;
    const message = await addMessage(ctx.tx, ticket, { authorType: 'staff', authorStaffId: staff.staffId, authorName: staff.name || staff.email, body: input.body, internal });
    const status = input.status ?? (internal ? ticket.status : 'waiting_on_customer');
    const updated = await updateTicket(ctx.tx, ticket.id, { status, solvedAt: status === 'solved' ? (ticket.solvedAt ?? new Date()) : null });
    if (!internal) ctx.emit('ticket.staff_replied', { ...ticketRef(ticket), userId: ticket.createdByUserId, staffName: staff.name || staff.email, body: input.body });
    if (status === 'solved' && ticket.status !== 'solved') ctx.emit('ticket.solved', { ...ticketRef(ticket), by: 'staff', deflected: false });
    return {
      result: { message: staffMessageView(message), ticket: staffTicketView(updated) },
      audit: { entityType: 'ticket', entityId: ticket.id, organizationId: ticket.organizationId, before: audited(ticket), after: { ...audited(updated), messageId: message.id, internal } },
    };
  },
});

export const staffUpdateTicket = defineAction({
  name: 'staff.tickets.update',
  input: staffUpdateInput,
  async run(ctx, input) {
    const { ticket } = await reachableTicket(ctx, input.ticketId);
    if (input.assigneeId) {
      const [assignee] = await ctx.tx.select({ id: staffUser.id, disabledAt: staffUser.disabledAt }).from(staffUser).where(eq(staffUser.id, input.assigneeId));
      if (!assignee || assignee.disabledAt) throw new AppError('validation_failed', 'No such staff member.', { assigneeId: 'Choose an active staff member.' });
    }
    const status = input.status ?? ticket.status;
    const updated = await updateTicket(ctx.tx, ticket.id, {
      status,
      category: input.category ?? ticket.category,
      assigneeStaffId: input.assigneeId === undefined ? ticket.assigneeStaffId : input.assigneeId,
      solvedAt: status === 'solved' ? (ticket.solvedAt ?? new Date()) : null,
    });
    if (status === 'solved' && ticket.status !== 'solved') ctx.emit('ticket.solved', { ...ticketRef(ticket), by: 'staff', deflected: false });
    return { result: { ticket: staffTicketView(updated) }, audit: { entityType: 'ticket', entityId: ticket.id, organizationId: ticket.organizationId, before: audited(ticket), after: audited(updated) } };
  },
});
