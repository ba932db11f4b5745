export { createTicket, dismissAutoAnswer, rateTicket, replyToTicket, solveTicket } from './actions';
export { fileHostTicket } from './host-actions';
export { staffReply, staffUpdateTicket } from './staff-actions';
export { customerThread, ticketQuery, ticketsQuery, type CustomerThread } from './queries';
export { deflectedTickets, staffThread, ticketActionsFor, ticketQueue, type QueueTicket, type StaffThread } from './staff-queries';
export { ticketsOlderThan } from './timeline-history';
export { staffQueueInput, ticketStatuses, type TicketStatus } from './inputs';
export type { MessageView, StaffMessageView, TicketView } from './view';
