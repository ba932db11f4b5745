import type { ticketMessages, tickets } from '../schema';
import type { TicketStatus } from './inputs';

type TicketRow = typeof tickets.$inferSelect;
type MessageRow = typeof ticketMessages.$inferSelect;

export type TicketView = {
  id: string;
  number: number;
  subject: string;
  category: string | null;
  status: TicketStatus;
  createdAt: string;
  updatedAt: string;
  createdBy: { userId: string | null; name: string; email: string };
  source: string;
  rating: 'good' | 'bad' | null;
  ratingComment: string | null;
  solvedAt: string | null;
};

export type MessageView = {
  id: string;
  author: { type: 'customer' | 'staff' | 'auto'; name: string };
  body: string;
  createdAt: string;
  /** An auto-answer only: when the customer asked for a person instead. */
  dismissedAt?: string | null;
};

export function ticketView(row: TicketRow): TicketView {
  return {
    id: row.id,
    number: row.number,
    subject: row.subject,
    category: row.category,
    status: row.status as TicketStatus,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    createdBy: { userId: row.createdByUserId, name: row.requesterName ?? row.requesterEmail, email: row.requesterEmail },
    source: row.source,
    rating: row.rating as TicketView['rating'],
    ratingComment: row.ratingComment,
    solvedAt: row.solvedAt?.toISOString() ?? null,
  };
}

/** A message as a customer sees it: staff appear as "Support (name)". Never call it on an internal note. */
export function customerMessageView(row: MessageRow): MessageView {
  if (row.internal) throw new Error('An internal note never reaches a customer.');
  const type = row.authorType as MessageView['author']['type'];
  const name = type === 'staff' ? `Support (${row.authorName})` : row.authorName;
  return {
    id: row.id,
    author: { type, name },
    body: row.body,
    createdAt: row.createdAt.toISOString(),
    ...(type === 'auto' ? { dismissedAt: row.dismissedAt?.toISOString() ?? null } : {}),
  };
}

export type StaffMessageView = MessageView & { internal: boolean };

export function staffMessageView(row: MessageRow): StaffMessageView {
  return {
    id: row.id,
    author: { type: row.authorType as MessageView['author']['type'], name: row.authorName },
    body: row.body,
    createdAt: row.createdAt.toISOString(),
    internal: row.internal,
    ...(row.authorType === 'auto' ? { dismissedAt: row.dismissedAt?.toISOString() ?? null } : {}),
  };
}

export type StaffTicketView = TicketView & { organizationId: string; assigneeId: string | null; autoAnswered: boolean };

export function staffTicketView(row: TicketRow, autoAnswered = false): StaffTicketView {
  return { ...ticketView(row), organizationId: row.organizationId, assigneeId: row.assigneeStaffId, autoAnswered };
}
