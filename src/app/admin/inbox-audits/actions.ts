'use server';

import { supportCategories, isSupportCategory } from '@config/support-categories';
import { correctAuditTicket } from '@/modules/inbox-audit/actions';
import { formAction } from '@/platform/actions/form-action';

export const correctTicketAction = formAction(correctAuditTicket, {
  asStaff: true,
  revalidate: [['/admin/inbox-audits', 'layout']],
  success: ({ ticket }) => `Ticket ${ticket.id} is now “${isSupportCategory(ticket.category) ? supportCategories[ticket.category].label : ticket.category}”; later imports keep it.`,
});
