import type { Adapter } from './types';

/** Any other help desk: a CSV with the header `id,subject,body,created_at,closed_at,tags` (tags comma separated). */
export const generic: Adapter = {
  source: 'generic',
  label: 'Generic CSV',
  columns: {
    id: ['id'],
    subject: ['subject'],
    body: ['body'],
    createdAt: ['created_at'],
    closedAt: ['closed_at'],
    tags: ['tags'],
  },
  signature: ['id', 'subject', 'created_at'],
  tagSeparator: /\s*,\s*/,
};
