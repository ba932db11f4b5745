import type { Db } from '@/platform/db/types';
import type { Keyset } from '@/platform/db/keyset';

/** What a timeline entry is about; later sources (tickets, notifications, webhook deliveries) bring their own. */
export const timelineKinds = ['audit', 'ticket', 'billing', 'usage', 'notification', 'webhook'] as const;
export type TimelineKind = (typeof timelineKinds)[number];

export type TimelineActor = { type: string; id: string | null; label: string };

export type TimelineEntry = {
  /** Unique across the timeline: the source's name and the entry's id there. */
  id: string;
  at: string;
  kind: TimelineKind;
  actor: TimelineActor | null;
  summary: string;
  /** The record behind the entry, for links and staff actions. */
  ref: { type: string; id: string };
  /** Where the record stands, when it has a state (a Stripe event's processing). */
  status: string | null;
};

/** The customer whose timeline is read. */
export type TimelineSubject = { id: string; stripeCustomerId: string | null };

/**
 * An entry as its source lists it: `at` is its time with microseconds and `key` orders the entries
 * that share a time (text, "C" collation); with the source's name they are the timeline's cursor.
 */
export type SourcedEntry = Omit<TimelineEntry, 'kind' | 'at'> & { at: string; key: string };

/**
 * One kind of record on the timeline, in a file of its own under sources/. `list` answers the
 * subject's records after `bound`, newest first by (at, key), at most `limit` of them.
 */
export type TimelineSource = {
  name: string;
  kind: TimelineKind;
  list(db: Db, subject: TimelineSubject, bound: Keyset | undefined, limit: number): Promise<SourcedEntry[]>;
};
