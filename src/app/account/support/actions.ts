'use server';

import { dismissAutoAnswer, rateTicket, replyToTicket, solveTicket } from '@/modules/support/service';
import { formAction } from '@/platform/actions/form-action';

export const replyAction = formAction(replyToTicket, { revalidate: [['/account/support', 'layout']], success: () => 'Reply sent.' });

export const solveAction = formAction(solveTicket, { revalidate: [['/account/support', 'layout']], success: ({ ticket }) => `Ticket #${ticket.number} is solved.` });

export const rateAction = formAction(rateTicket, { revalidate: [['/account/support', 'layout']], success: () => 'Thank you for rating the answer.' });

export const dismissAction = formAction(dismissAutoAnswer, { revalidate: [['/account/support', 'layout']], success: () => 'A person from support will answer.' });
