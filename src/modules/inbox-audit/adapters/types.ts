/** The help desks whose exports an inbox audit reads; `generic` is the documented fallback layout. */
export const inboxSources = ['zendesk', 'helpscout', 'freshdesk', 'intercom', 'generic'] as const;
export type InboxSource = (typeof inboxSources)[number];

export type TicketField = 'id' | 'subject' | 'body' | 'createdAt' | 'closedAt' | 'tags';

/** One help desk's export: where each ticket field is, and how its header is recognised. */
export type Adapter = {
  source: InboxSource;
  label: string;
  /** Header names of each field, first present wins (compared without case); `id` must be present. */
  columns: Record<TicketField, readonly string[]>;
  /** Headers that together mark this help desk's export: all present picks it when the source is `auto`. */
  signature: readonly string[];
  /** How the export separates a ticket's tags. */
  tagSeparator: RegExp;
  /** Rows that are no ticket of their own (a message of a conversation already read): left out silently. */
  keepsRow?: (value: (header: string) => string) => boolean;
};
