import { and, asc, eq, ilike, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '@/platform/actions/actor';
import { permits } from '@/platform/actions/authorize';
import { staffUser } from '@/platform/auth/staff-schema';
import type { Db } from '@/platform/db/types';
import { notFound } from '@/platform/http/errors';
import { organization } from '@/platform/tenancy/schema';
import { ticketMessages, tickets } from '../schema';
import type { StaffQueueInput } from './inputs';
import { staffMessageView, staffTicketView, type StaffMessageView, type StaffTicketView } from './view';

export type QueueTicket = StaffTicketView & { organizationName: string; assigneeName: string | null };

const autoAnswered = sql<boolean>`exists (select 1 from ${ticketMessages} where ${ticketMessages.ticketId} = ${tickets.id} and ${ticketMessages.authorType} = 'auto')`;

function escapeLike(q: string): string {
  return q.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * The staff queue, oldest waiting first (least recently updated). `assignee` is a staff id or `none`.
 * Without a status filter, solved tickets stay out of the queue.
 */
export async function ticketQueue(db: Db, input: StaffQueueInput): Promise<{ tickets: QueueTicket[] }> {
  const conditions: (SQL | undefined)[] = [
    input.status ? eq(tickets.status, input.status) : sql`${tickets.status} <> 'solved'`,
    input.category ? eq(tickets.category, input.category) : undefined,
    input.assignee === 'none' ? isNull(tickets.assigneeStaffId) : input.assignee ? eq(tickets.assigneeStaffId, input.assignee) : undefined,
    input.q
      ? or(ilike(tickets.subject, `%${escapeLike(input.q)}%`), ilike(tickets.requesterEmail, `%${escapeLike(input.q)}%`), ilike(organization.name, `%${escapeLike(input.q)}%`), eq(sql`${tickets.number}::text`, input.q))
      : undefined,
  ];
  const rows = await db
    .select({ ticket: tickets, organizationName: organization.name, assigneeName: staffUser.name, autoAnswered })
    .from(tickets)
    .innerJoin(organization, eq(organization.id, tickets.organizationId))
    .leftJoin(staffUser, eq(staffUser.id, tickets.assigneeStaffId))
    .where(and(...conditions))
    .orderBy(asc(tickets.updatedAt), asc(tickets.id))
    .limit(200);
  return { tickets: rows.map((r) => ({ ...staffTicketView(r.ticket, r.autoAnswered), organizationName: r.organizationName, assigneeName: r.assigneeName })) };
}

export type StaffThread = { ticket: QueueTicket; messages: StaffMessageView[] };

/** A ticket with its whole thread, internal notes included: for the console only. */
export async function staffThread(db: Db, ticketId: string): Promise<StaffThread> {
  const [row] = await db
    .select({ ticket: tickets, organizationName: organization.name, assigneeName: staffUser.name, autoAnswered })
    .from(tickets)
    .innerJoin(organization, eq(organization.id, tickets.organizationId))
    .leftJoin(staffUser, eq(staffUser.id, tickets.assigneeStaffId))
    .where(eq(tickets.id, ticketId));
  if (!row) throw notFound('Ticket');
  const messages = await db.select().from(ticketMessages).where(eq(ticketMessages.ticketId, ticketId)).orderBy(asc(ticketMessages.createdAt), asc(ticketMessages.id));
  return { ticket: { ...staffTicketView(row.ticket, row.autoAnswered), organizationName: row.organizationName, assigneeName: row.assigneeName }, messages: messages.map(staffMessageView) };
}

/**
 * Tickets the portal answered: solved while their auto-answer was never dismissed (the customer did it
 * themselves from the linked screen). Per organization, or across all with none given.
 */
export async function deflectedTickets(db: Db, organizationId?: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(tickets)
    .innerJoin(ticketMessages, and(eq(ticketMessages.ticketId, tickets.id), eq(ticketMessages.authorType, 'auto'), isNull(ticketMessages.dismissedAt)))
    .where(and(eq(tickets.status, 'solved'), organizationId ? eq(tickets.organizationId, organizationId) : undefined));
  return row?.n ?? 0;
}

/** What the console's ticket page offers this staff member (the actions check again). */
export function ticketActionsFor(actor: Actor) {
  return { reply: permits(actor, 'staff.tickets.reply'), update: permits(actor, 'staff.tickets.update'), replayEvents: permits(actor, 'staff.stripe_events.replay') };
}
