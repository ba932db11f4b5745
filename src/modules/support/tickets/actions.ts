import { and, eq, isNull } from 'drizzle-orm';
import { defineAction, type ActionContext } from '@/platform/actions/define';
import { conflict, forbidden, notFound } from '@/platform/http/errors';
import { lockOrganizationForMember } from '@/platform/tenancy/lock';
import { contactAttempts, ticketMessages } from '../schema';
import { createTicketInput, rateInput, replyInput, solveInput, ticketIdInput } from './inputs';
import { canSeeEveryTicket } from './scope';
import { addMessage, fileTicket, lockTicket, pendingAutoAnswer, updateTicket, type TicketRow } from './store';
import { customerMessageView, ticketView } from './view';

/** The member acting, re-read under the organization's lock; a member who left is refused. */
async function member(ctx: ActionContext) {
  if (ctx.actor.type !== 'user') throw forbidden();
  const locked = await lockOrganizationForMember(ctx.tx, ctx.actor.organizationId, ctx.actor.userId);
  return { actor: ctx.actor, role: locked.actorRole, name: locked.actorName };
}

/** A ticket the member may see (theirs, or any of the organization for an owner or admin), locked; else not found. */
async function ownTicket(ctx: ActionContext, ticketId: string) {
  const me = await member(ctx);
  const ticket = await lockTicket(ctx.tx, me.actor.organizationId, ticketId);
  if (!canSeeEveryTicket(me.role) && ticket.createdByUserId !== me.actor.userId) throw notFound('Ticket');
  return { me, ticket };
}

export const ticketRef = (t: TicketRow) => ({ ticketId: t.id, number: t.number, subject: t.subject });
export const audited = (t: TicketRow) => ({ number: t.number, status: t.status, category: t.category, assigneeId: t.assigneeStaffId });

/** The sender's own contact attempt, still open, that this ticket ends; another's or a closed one is ignored. */
async function openAttempt(ctx: ActionContext, organizationId: string, userId: string, attemptId: string | undefined): Promise<string | null> {
  if (!attemptId) return null;
  const [attempt] = await ctx.tx
    .select({ id: contactAttempts.id })
    .from(contactAttempts)
    .where(and(eq(contactAttempts.id, attemptId), eq(contactAttempts.organizationId, organizationId), eq(contactAttempts.userId, userId), isNull(contactAttempts.outcome)))
    .for('update');
  return attempt?.id ?? null;
}

export const createTicket = defineAction({
  name: 'support.create_ticket',
  input: createTicketInput,
  async run(ctx, input) {
    const me = await member(ctx);
    const attemptId = await openAttempt(ctx, me.actor.organizationId, me.actor.userId, input.attemptId);
    const { ticket, autoAnswered } = await fileTicket(ctx.tx, {
      organizationId: me.actor.organizationId,
      subject: input.subject,
      body: input.body,
      category: input.category ?? null,
      createdByUserId: me.actor.userId,
      requesterEmail: me.actor.email,
      requesterName: me.name,
      source: 'portal',
      attemptId,
    });
    if (attemptId) await ctx.tx.update(contactAttempts).set({ outcome: 'ticket', outcomeTarget: ticket.id, resolvedAt: new Date() }).where(eq(contactAttempts.id, attemptId));
    ctx.emit('ticket.created', { ...ticketRef(ticket), category: ticket.category, source: 'portal', autoAnswered });
    return { result: { ticket: ticketView(ticket) }, audit: { entityType: 'ticket', entityId: ticket.id, after: { ...audited(ticket), attemptId } } };
  },
});

/** A customer reply: it reopens a solved ticket, and counts as asking for a person (the auto-answer is dismissed). */
export const replyToTicket = defineAction({
  name: 'support.reply',
  input: replyInput,
  async run(ctx, input) {
    const { me, ticket } = await ownTicket(ctx, input.ticketId);
    const auto = await pendingAutoAnswer(ctx.tx, ticket.id);
    if (auto) await ctx.tx.update(ticketMessages).set({ dismissedAt: new Date() }).where(eq(ticketMessages.id, auto.id));
    const message = await addMessage(ctx.tx, ticket, { authorType: 'customer', authorUserId: me.actor.userId, authorName: me.name, body: input.body });
    const updated = await updateTicket(ctx.tx, ticket.id, { status: 'open', solvedAt: null });
    ctx.emit('ticket.customer_replied', { ...ticketRef(ticket), reopened: ticket.status === 'solved' });
    return { result: { message: customerMessageView(message) }, audit: { entityType: 'ticket', entityId: ticket.id, before: audited(ticket), after: { ...audited(updated), messageId: message.id } } };
  },
});

/**
 * The customer marks the ticket solved. With an auto-answer still undismissed, the portal's screen
 * answered it: a deflection (`ticket.solved` says so, and `deflectedTickets` counts it).
 */
export const solveTicket = defineAction({
  name: 'support.solve_ticket',
  input: solveInput,
  async run(ctx, input) {
    const { ticket } = await ownTicket(ctx, input.ticketId);
    if (ticket.status === 'solved') throw conflict('This ticket is already solved.');
    const deflected = (await pendingAutoAnswer(ctx.tx, ticket.id)) !== undefined;
    const updated = await updateTicket(ctx.tx, ticket.id, { status: 'solved', solvedAt: new Date() });
    ctx.emit('ticket.solved', { ...ticketRef(ticket), by: 'customer', deflected });
    return { result: { ticket: ticketView(updated) }, audit: { entityType: 'ticket', entityId: ticket.id, before: audited(ticket), after: { ...audited(updated), deflected } } };
  },
});

/** "I still need a person": the auto-answer is dismissed and the ticket joins the staff queue as open. */
export const dismissAutoAnswer = defineAction({
  name: 'support.dismiss_auto_answer',
  input: ticketIdInput,
  async run(ctx, input) {
    const { ticket } = await ownTicket(ctx, input.ticketId);
    const auto = await pendingAutoAnswer(ctx.tx, ticket.id);
    if (!auto) throw conflict('This ticket has no automatic answer to dismiss.');
    await ctx.tx.update(ticketMessages).set({ dismissedAt: new Date() }).where(eq(ticketMessages.id, auto.id));
    const updated = ticket.status === 'waiting_on_customer' ? await updateTicket(ctx.tx, ticket.id, { status: 'open' }) : ticket;
    ctx.emit('ticket.customer_replied', { ...ticketRef(ticket), reopened: false });
    return { result: { ticket: ticketView(updated) }, audit: { entityType: 'ticket', entityId: ticket.id, before: audited(ticket), after: { ...audited(updated), autoAnswerDismissed: true } } };
  },
});

export const rateTicket = defineAction({
  name: 'support.rate_ticket',
  input: rateInput,
  async run(ctx, input) {
    const { ticket } = await ownTicket(ctx, input.ticketId);
    if (ticket.status !== 'solved') throw conflict('A ticket can be rated once it is solved.');
    const updated = await updateTicket(ctx.tx, ticket.id, { rating: input.rating, ratingComment: input.comment ?? null });
    ctx.emit('ticket.rated', { ...ticketRef(ticket), rating: input.rating });
    return { result: { ticket: ticketView(updated) }, audit: { entityType: 'ticket', entityId: ticket.id, before: { rating: ticket.rating }, after: { rating: updated.rating, comment: updated.ratingComment } } };
  },
});
