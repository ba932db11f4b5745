import { ticketsOlderThan } from '@/modules/support/service';
import type { TimelineSource } from '../source';

/** The organization's support tickets, at the time each was opened, with where it stands now. */
export const ticketsSource: TimelineSource = {
  name: 'tickets',
  kind: 'ticket',
  async list(db, subject, bound, limit) {
    const rows = await ticketsOlderThan(db, subject.id, bound, limit);
    return rows.map((t) => ({
      id: `ticket:${t.key}`,
      at: t.at,
      key: t.key,
      actor: { type: t.userId ? 'user' : 'host', id: t.userId, label: t.requester },
      summary: `Ticket #${t.number} opened: ${t.subject}`,
      ref: { type: 'ticket', id: t.id },
      status: t.status,
    }));
  },
};
