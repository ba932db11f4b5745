import { freshdesk } from './freshdesk';
import { generic } from './generic';
import { helpscout } from './helpscout';
import { intercom } from './intercom';
import type { Adapter, InboxSource, TicketField } from './types';
import { zendesk } from './zendesk';

export { inboxSources, type Adapter, type InboxSource } from './types';

/** Most specific signature first: the generic layout is the last resort. */
export const adapters: readonly Adapter[] = [intercom, freshdesk, zendesk, helpscout, generic];

const normal = (header: string) => header.trim().toLowerCase();

export function adapterOf(source: InboxSource): Adapter {
  return adapters.find((a) => a.source === source)!;
}

/** The help desk whose export has this header row, or null. */
export function detectAdapter(header: readonly string[]): Adapter | null {
  const present = new Set(header.map(normal));
  return adapters.find((a) => a.signature.every((h) => present.has(normal(h)))) ?? null;
}

/** A ticket's fields as the export wrote them. */
export type RawTicket = Record<TicketField, string> & { tagList: string[] };

/**
 * Reads the tickets of one export: its header decides each field's column. Null when the header lacks
 * the ticket id column (no ticket could be told apart).
 */
export function rowReader(adapter: Adapter, header: readonly string[]): ((fields: readonly string[]) => RawTicket | 'skip') | null {
  const index = new Map<string, number>();
  header.forEach((h, i) => {
    if (!index.has(normal(h))) index.set(normal(h), i);
  });
  const column = (field: TicketField) => adapter.columns[field].map((h) => index.get(normal(h))).find((i) => i !== undefined) ?? -1;
  const at = { id: column('id'), subject: column('subject'), body: column('body'), createdAt: column('createdAt'), closedAt: column('closedAt'), tags: column('tags') };
  if (at.id < 0) return null;
  return (fields) => {
    if (adapter.keepsRow && !adapter.keepsRow((h) => fields[index.get(normal(h)) ?? -1]?.trim() ?? '')) return 'skip';
    const value = (i: number) => (i < 0 ? '' : (fields[i] ?? ''));
    const tags = value(at.tags).trim();
    return {
      id: value(at.id).trim(),
      subject: value(at.subject).trim(),
      body: value(at.body).trim(),
      createdAt: value(at.createdAt).trim(),
      closedAt: value(at.closedAt).trim(),
      tags,
      tagList: tags === '' ? [] : tags.split(adapter.tagSeparator).filter(Boolean),
    };
  };
}
