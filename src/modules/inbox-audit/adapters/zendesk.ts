import type { Adapter } from './types';

/**
 * Zendesk Support's CSV export (Admin Center › Account › Tools › Reports › Export): `Id`, `Subject`,
 * `Tags` (space separated), `Created at`, `Solved at`. That export has no ticket text; a view's export
 * or an app adding `Description` gives one.
 */
export const zendesk: Adapter = {
  source: 'zendesk',
  label: 'Zendesk',
  columns: {
    id: ['Id', 'Ticket ID'],
    subject: ['Subject'],
    body: ['Description'],
    createdAt: ['Created at'],
    closedAt: ['Solved at'],
    tags: ['Tags'],
  },
  signature: ['Id', 'Created at', 'Solved at'],
  tagSeparator: /\s+/,
};
