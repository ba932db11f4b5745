import type { Adapter } from './types';

/**
 * Help Scout's conversation export (Reports › Export, CSV of conversation metadata): the fields of its
 * Mailbox API conversation under their export labels: `Conversation ID`, `Subject`, `Preview` (the
 * start of the first thread), `Created At`, `Closed At`, `Tags` (comma separated).
 */
export const helpscout: Adapter = {
  source: 'helpscout',
  label: 'Help Scout',
  columns: {
    id: ['Conversation ID', 'Conversation Number'],
    subject: ['Subject'],
    body: ['Preview'],
    createdAt: ['Created At'],
    closedAt: ['Closed At'],
    tags: ['Tags'],
  },
  signature: ['Conversation ID', 'Preview', 'Closed At'],
  tagSeparator: /\s*,\s*/,
};
