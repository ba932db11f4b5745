import { and, eq, isNull, max, sql } from 'drizzle-orm';
import { supportCategories, type SupportCategoryId } from '@config/support-categories';
import type { Db } from '@/platform/db/types';
import { notFound } from '@/platform/http/errors';
import { lockOrganization } from '@/platform/tenancy/lock';
import { ticketMessages, tickets } from '../schema';

export type TicketRow = typeof tickets.$inferSelect;
export type NewTicket = {
  organizationId: string;
  subject: string;
  body: string;
  category: string | null;
  createdByUserId: string | null;
  requesterEmail: string;
  requesterName: string | null;
  source: 'portal' | 'host';
  attemptId: string | null;
  /** False for a ticket the portal itself files because its own screen could not do it (no auto-answer). */
  autoAnswer?: boolean;
};

/** The text of the auto-answer for a category with a portal screen; null when it stays with a person. */
export function autoAnswerOf(category: string | null): string | null {
  const screen = category ? supportCategories[category as SupportCategoryId]?.screen : null;
  if (!screen) return null;
  return `You can do this yourself in 20 seconds: ${screen.title} → ${screen.path}\n\n${screen.why}\n\nIf that does not solve it, choose “I still need a person” and the support team will answer.`;
}

/**
 * Files a ticket with its first message. The organization's row is locked first, so two tickets of one
 * organization are numbered one after the other (1, 2, …). A category the portal can answer gets the
 * auto-answer at once, and the ticket waits on the customer until they dismiss it or solve it.
 */
export async function fileTicket(tx: Db, { autoAnswer: answerable = true, ...values }: NewTicket): Promise<{ ticket: TicketRow; autoAnswered: boolean }> {
  if (!(await lockOrganization(tx, values.organizationId))) throw notFound('Organization');
  const [last] = await tx.select({ n: max(tickets.number) }).from(tickets).where(eq(tickets.organizationId, values.organizationId));
  const autoAnswer = answerable ? autoAnswerOf(values.category) : null;
  const now = new Date();
  const [ticket] = await tx
    .insert(tickets)
    .values({ id: crypto.randomUUID(), ...values, number: (last?.n ?? 0) + 1, status: autoAnswer ? 'waiting_on_customer' : 'open', createdAt: now, updatedAt: now })
    .returning();
  await tx.insert(ticketMessages).values({
    id: crypto.randomUUID(),
    ticketId: ticket!.id,
    organizationId: values.organizationId,
    authorType: 'customer',
    authorUserId: values.createdByUserId,
    authorName: values.requesterName ?? values.requesterEmail,
    body: values.body,
    createdAt: now,
  });
  if (autoAnswer) {
    // One millisecond later, so the thread's order never depends on the id.
    await tx.insert(ticketMessages).values({ id: crypto.randomUUID(), ticketId: ticket!.id, organizationId: values.organizationId, authorType: 'auto', authorName: 'Deflect', body: autoAnswer, createdAt: new Date(now.getTime() + 1) });
  }
  return { ticket: ticket!, autoAnswered: autoAnswer !== null };
}

/** The ticket of this organization, locked for a write; another organization's id is not found. */
export async function lockTicket(tx: Db, organizationId: string, ticketId: string): Promise<TicketRow> {
  const [row] = await tx.select().from(tickets).where(and(eq(tickets.id, ticketId), eq(tickets.organizationId, organizationId))).for('update');
  if (!row) throw notFound('Ticket');
  return row;
}

/** The auto-answer of a ticket the customer has not dismissed yet, if any. */
export async function pendingAutoAnswer(tx: Db, ticketId: string) {
  const [row] = await tx.select().from(ticketMessages).where(and(eq(ticketMessages.ticketId, ticketId), eq(ticketMessages.authorType, 'auto'), isNull(ticketMessages.dismissedAt)));
  return row;
}

export async function addMessage(
  tx: Db,
  ticket: TicketRow,
  message: { authorType: 'customer' | 'staff'; authorUserId?: string | null; authorStaffId?: string | null; authorName: string; body: string; internal?: boolean },
) {
  const [row] = await tx
    .insert(ticketMessages)
    .values({ id: crypto.randomUUID(), ticketId: ticket.id, organizationId: ticket.organizationId, internal: message.internal ?? false, ...message })
    .returning();
  return row!;
}

export async function updateTicket(tx: Db, ticketId: string, changes: Partial<Pick<TicketRow, 'status' | 'category' | 'assigneeStaffId' | 'rating' | 'ratingComment' | 'solvedAt'>>) {
  const [row] = await tx.update(tickets).set({ ...changes, updatedAt: sql`now()` }).where(eq(tickets.id, ticketId)).returning();
  return row!;
}
