import { eq } from 'drizzle-orm';
import type { Db } from '@/platform/db/types';
import { notFound } from '@/platform/http/errors';
import { organization } from '@/platform/tenancy/schema';
import { boundFor, encodeCursor, newestFirst } from './cursor';
import type { TimelineQuery } from './inputs';
import type { TimelineEntry, TimelineKind } from './source';
import { timelineSources } from './sources';

export { timelineQuery, type TimelineQuery } from './inputs';
export { timelineKinds, type TimelineEntry, type TimelineKind } from './source';

export type TimelinePage = { entries: TimelineEntry[]; nextBefore: string | null };

/** The kinds some source lists today, in the order of the sources. */
export const listedKinds: readonly TimelineKind[] = [...new Set(timelineSources.map((s) => s.kind))];

/**
 * One page of the organization's timeline: every source's entries merged newest first. Each source
 * gives one entry more than the page holds, so a merge longer than the page means there is more.
 */
export async function customerTimeline(db: Db, organizationId: string, query: TimelineQuery): Promise<TimelinePage> {
  const [subject] = await db.select({ id: organization.id, stripeCustomerId: organization.stripeCustomerId }).from(organization).where(eq(organization.id, organizationId));
  if (!subject) throw notFound('Customer');
  const sources = timelineSources.filter((s) => !query.kinds || query.kinds.includes(s.kind));
  const lists = await Promise.all(
    sources.map(async (source) => (await source.list(db, subject, boundFor(source.name, query.before), query.limit + 1)).map((entry) => ({ ...entry, source: source.name, kind: source.kind }))),
  );
  const merged = lists.flat().sort(newestFirst);
  const page = merged.slice(0, query.limit);
  const last = page.at(-1);
  return {
    entries: page.map(({ id, at, kind, actor, summary, ref, status }) => ({ id, at: new Date(at).toISOString(), kind, actor, summary, ref, status })),
    nextBefore: merged.length > query.limit && last ? encodeCursor(last) : null,
  };
}
