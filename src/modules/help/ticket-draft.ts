import { sectionIdOfPage } from '@config/sections';
import { isSupportCategory, supportCategories } from '@config/support-categories';
import type { Actor } from '@/platform/actions/actor';
import { permits } from '@/platform/actions/authorize';
import type { Db } from '@/platform/db/types';
import { AppError, forbidden } from '@/platform/http/errors';
import { staffThread, type StaffThread } from '@/modules/support/service';
import { DEFAULT_HELP_LOCALE } from './inputs';
import { redactCustomerDetails } from './redact';

/** Where an article drafted from a ticket whose category has no screen (or none) goes: beside the contact form. */
export const SCREENLESS_SECTION = 'support';

export type ArticleDraft = { section: string; slug: string; title: string; body: string; locale: string; published: false };

/** The section of the portal screen that answers a ticket category; the Support section when none does. */
export function sectionOfCategory(category: string | null): string {
  const screen = category && isSupportCategory(category) ? supportCategories[category].screen : null;
  return screen ? sectionIdOfPage(screen.path) : SCREENLESS_SECTION;
}

function slugOf(title: string): string {
  const words = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\[[^\]]*\]/g, ' ')
    .match(/[a-z0-9]+/g);
  return (words ?? ['article']).join('-').slice(0, 80).replace(/-+$/, '');
}

/**
 * A help article drafted from a solved ticket: the customer's first message as the question, the staff's
 * public replies as the answer (internal notes and automatic answers never), the customer's details
 * taken out, in the section of the category's screen; a draft until a lead publishes it.
 */
export function draftFromThread({ ticket, messages }: StaffThread): ArticleDraft {
  const known = {
    names: [ticket.createdBy.name, ...messages.filter((m) => m.author.type !== 'auto').map((m) => m.author.name)],
    organization: ticket.organizationName,
    ticketNumber: ticket.number,
  };
  const redact = (text: string) => redactCustomerDetails(text, known);
  const question = messages.find((m) => m.author.type === 'customer' && !m.internal);
  const answers = messages.filter((m) => m.author.type === 'staff' && !m.internal).map((m) => redact(m.body));
  const title = redact(ticket.subject).replace(/\s+/g, ' ').slice(0, 200);
  const body = ['## The question', question ? redact(question.body) : title, '## The answer', answers.join('\n\n') || '…'].join('\n\n');
  return { section: sectionOfCategory(ticket.category), slug: slugOf(title), title, body, locale: DEFAULT_HELP_LOCALE, published: false };
}

/** A lead's draft from a solved ticket; 403 for staff who may not write articles, 422 before the ticket is solved. */
export async function articleDraftFromTicket(actor: Actor, db: Db, ticketId: string): Promise<ArticleDraft> {
  if (!permits(actor, 'staff.help.write')) throw forbidden();
  const thread = await staffThread(db, ticketId);
  if (thread.ticket.status !== 'solved') throw new AppError('validation_failed', 'Only a solved ticket can become an article.', { ticketId: 'Solve the ticket first.' });
  return draftFromThread(thread);
}
