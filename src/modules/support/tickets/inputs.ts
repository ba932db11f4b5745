import { z } from 'zod';
import { supportCategories } from '@config/support-categories';

export const ticketStatuses = ['open', 'waiting_on_customer', 'solved'] as const;
export type TicketStatus = (typeof ticketStatuses)[number];

const categoryIds = Object.keys(supportCategories) as [keyof typeof supportCategories, ...(keyof typeof supportCategories)[]];
const emptyToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);

export const category = z.enum(categoryIds, { error: `Choose a category: ${categoryIds.join(', ')}.` });
export const ticketStatus = z.enum(ticketStatuses, { error: `Choose a status: ${ticketStatuses.join(', ')}.` });
const subject = z.string({ error: 'Give the ticket a subject.' }).trim().min(1, 'Give the ticket a subject.').max(200, 'Keep the subject under 200 characters.');
const body = z.string({ error: 'Write a message.' }).trim().min(1, 'Write a message.').max(20_000, 'Keep the message under 20,000 characters.');
const id = z.string().trim().min(1).max(100);

export const listTicketsInput = z.object({ status: z.preprocess(emptyToUndefined, ticketStatus.optional()) });
export const createTicketInput = z.object({
  subject,
  body,
  category: z.preprocess(emptyToUndefined, category.optional()),
  attemptId: z.preprocess(emptyToUndefined, id.optional()),
});
export const ticketIdInput = z.object({ ticketId: id });
export const replyInput = z.object({ ticketId: id, body });
export const solveInput = z.object({ ticketId: id, status: z.literal('solved', { error: 'A customer may only set the status to solved.' }) });
export const rateInput = z.object({
  ticketId: id,
  rating: z.enum(['good', 'bad'], { error: 'Rate the answer good or bad.' }),
  comment: z.preprocess(emptyToUndefined, z.string().trim().max(2000, 'Keep the comment under 2,000 characters.').optional()),
});

export const hostTicketInput = z.object({
  organizationExternalId: z.string({ error: 'Give the organization’s external id.' }).trim().min(1, 'Give the organization’s external id.').max(200),
  requester: z.object({
    email: z.email({ error: 'Give the requester’s email address.' }).max(320),
    name: z.preprocess(emptyToUndefined, z.string().trim().max(200).optional()),
  }),
  subject,
  body,
  category: z.preprocess(emptyToUndefined, category.optional()),
});

const bool = z.preprocess((v) => (v === 'on' || v === 'true' ? true : v === 'false' || v === '' ? false : v), z.boolean());
export const staffReplyInput = z.object({
  ticketId: id,
  body,
  internal: bool.optional(),
  status: z.preprocess(emptyToUndefined, ticketStatus.optional()),
});
export const staffUpdateInput = z.object({
  ticketId: id,
  status: z.preprocess(emptyToUndefined, ticketStatus.optional()),
  category: z.preprocess(emptyToUndefined, category.optional()),
  /** A staff id; null (or "none") unassigns. */
  assigneeId: z.preprocess((v) => (v === '' || v === 'none' ? null : v), id.nullable().optional()),
});
export const staffQueueInput = z.object({
  status: z.preprocess(emptyToUndefined, ticketStatus.optional()),
  category: z.preprocess(emptyToUndefined, category.optional()),
  /** A staff id, `me` (resolved by the route) or `none`. */
  assignee: z.preprocess(emptyToUndefined, id.optional()),
  q: z.preprocess(emptyToUndefined, z.string().trim().max(200).optional()),
});
export type StaffQueueInput = z.infer<typeof staffQueueInput>;
