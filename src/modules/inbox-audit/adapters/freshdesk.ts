import type { Adapter } from './types';

/**
 * Freshdesk's ticket export (Tickets › Export, CSV): `Ticket ID`, `Subject`, `Description`,
 * `Created time`, `Resolved time` (or `Closed time`), `Tags` (comma separated).
 */
export const freshdesk: Adapter = {
  source: 'freshdesk',
  label: 'Freshdesk',
  columns: {
    id: ['Ticket ID'],
    subject: ['Subject'],
    body: ['Description'],
    createdAt: ['Created time'],
    closedAt: ['Resolved time', 'Closed time'],
    tags: ['Tags'],
  },
  signature: ['Ticket ID', 'Created time'],
  tagSeparator: /\s*,\s*/,
};
