'use server';

import { staffReply, staffUpdateTicket } from '@/modules/support/service';
import { formAction } from '@/platform/actions/form-action';

const revalidate: [string, 'layout'][] = [['/admin/tickets', 'layout']];

export const staffReplyAction = formAction(staffReply, { asStaff: true, revalidate, success: ({ message }) => (message.internal ? 'Internal note added.' : 'Reply sent to the customer.') });

export const staffUpdateAction = formAction(staffUpdateTicket, { asStaff: true, revalidate, success: ({ ticket }) => `Ticket #${ticket.number} updated.` });
