import { and, asc, desc, eq, type SQL } from 'drizzle-orm';
import { defineQuery } from '@/platform/actions/define-query';
import type { Actor } from '@/platform/actions/actor';
import type { Db } from '@/platform/db/types';
import { notFound } from '@/platform/http/errors';
import { ticketMessages, tickets } from '../schema';
import { listTicketsInput, ticketIdInput } from './inputs';
import { canSeeEveryTicket } from './scope';
import { customerMessageView, ticketView, type MessageView, type TicketView } from './view';

/** Which of the organization's tickets the reader sees: all for an owner or admin, else their own. */
function visibleTo(actor: Actor, organizationId: string): SQL {
  const ofOrganization = eq(tickets.organizationId, organizationId);
  if (actor.type === 'user' && canSeeEveryTicket(actor.role)) return ofOrganization;
  if (actor.type === 'user') return and(ofOrganization, eq(tickets.createdByUserId, actor.userId))!;
  return and(ofOrganization, eq(tickets.id, ''))!;
}

/** `GET /api/account/support/tickets`: newest first. */
export const ticketsQuery = defineQuery({
  name: 'support.read',
  input: listTicketsInput,
  async run({ actor, db, organizationId }, input): Promise<{ tickets: TicketView[] }> {
    const rows = await db
      .select()
      .from(tickets)
      .where(and(visibleTo(actor, organizationId), input.status ? eq(tickets.status, input.status) : undefined))
      .orderBy(desc(tickets.createdAt))
      .limit(200);
    return { tickets: rows.map(ticketView) };
  },
});

export type CustomerThread = { ticket: TicketView; messages: MessageView[]; autoAnswerPending: boolean };

/** A ticket and its thread as the customer sees it: internal notes are filtered in the query itself. */
export async function customerThread(db: Db, actor: Actor, organizationId: string, ticketId: string): Promise<CustomerThread> {
  const [row] = await db.select().from(tickets).where(and(visibleTo(actor, organizationId), eq(tickets.id, ticketId)));
  if (!row) throw notFound('Ticket');
  const messages = await db
    .select()
    .from(ticketMessages)
    .where(and(eq(ticketMessages.ticketId, row.id), eq(ticketMessages.internal, false)))
    .orderBy(asc(ticketMessages.createdAt), asc(ticketMessages.id));
  const views = messages.map(customerMessageView);
  return { ticket: ticketView(row), messages: views, autoAnswerPending: views.some((m) => m.author.type === 'auto' && !m.dismissedAt) };
}

/** `GET /api/account/support/tickets/{id}`. */
export const ticketQuery = defineQuery({
  name: 'support.read',
  input: ticketIdInput,
  run: ({ actor, db, organizationId }, input) => customerThread(db, actor, organizationId, input.ticketId),
});
