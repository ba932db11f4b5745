import type { Adapter } from './types';

/**
 * Intercom has no ticket CSV of its own; its common exporter (IntercomExport) writes `conversation_id`,
 * `conversation_created_at`, `conversation_closed_at`, `conversation_tags` (comma separated) and the
 * message in `message_body`; a conversation has no subject there. A "message entries" export has a row per message: only the opening
 * message (`message_type` `conversation_message`) is the ticket.
 */
export const intercom: Adapter = {
  source: 'intercom',
  label: 'Intercom',
  columns: {
    id: ['conversation_id'],
    subject: [],
    body: ['message_body'],
    createdAt: ['conversation_created_at'],
    closedAt: ['conversation_closed_at'],
    tags: ['conversation_tags'],
  },
  signature: ['conversation_id', 'conversation_created_at'],
  tagSeparator: /\s*,\s*/,
  keepsRow: (value) => {
    const type = value('message_type');
    return type === '' || type === 'conversation_message';
  },
};
