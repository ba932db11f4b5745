'use client';

import { useEffect, useState, type MouseEvent } from 'react';
import type { TimelineEntry, TimelinePage } from '@/modules/timeline/service';
import { formatDateTime } from '@/ui/date';
import { EmptyState } from '@/ui/empty-state';
import { ReplayEventButton } from '@/modules/stripe-sync/ui/replay-event-button';
import { publicPath } from '@/platform/http/portal-path';

const kindLabels: Record<TimelineEntry['kind'], string> = { audit: 'Activity', ticket: 'Ticket', billing: 'Billing', usage: 'Usage', notification: 'Notification', webhook: 'Webhook' };
const statusTones: Record<string, string> = { processed: 'badge-success', delivered: 'badge-success', failed: 'badge-danger', processing: 'badge-warning', pending: 'badge-warning' };

/** A Stripe event that failed, which a lead may replay. */
const replayable = (entry: TimelineEntry) => entry.ref.type === 'stripe_event' && entry.status === 'failed';

function Entry({ entry, organizationId, canReplay }: { entry: TimelineEntry; organizationId: string; canReplay: boolean }) {
  return (
    <>
      <span className="timeline-meta small muted">
        <time dateTime={entry.at}>{formatDateTime(entry.at, { seconds: true })}</time>
        <span className="badge">{kindLabels[entry.kind]}</span>
        {entry.actor ? <span>{entry.actor.label}</span> : null}
      </span>
      <span className="timeline-summary">
        {entry.summary}
        {entry.status ? <span className={`badge ${statusTones[entry.status] ?? ''}`}>{entry.status}</span> : null}
        {canReplay && replayable(entry) ? <ReplayEventButton organizationId={organizationId} event={{ id: entry.ref.id, type: entry.summary.split(' · ')[0]! }} /> : null}
      </span>
    </>
  );
}

/**
 * The timeline's entries, newest first. "Load more" is a link to the next page (without JavaScript
 * the page reloads from there); with it, the next page is fetched and appended, and focus moves to
 * the first entry it brought.
 */
export function TimelineList({ organizationId, kinds, first, pageSize, pageHref, canReplay }: { organizationId: string; kinds: string | undefined; first: TimelinePage; pageSize: number; pageHref: string; canReplay: boolean }) {
  const [entries, setEntries] = useState(first.entries);
  const [nextBefore, setNextBefore] = useState(first.nextBefore);
  const [state, setState] = useState<'idle' | 'loading' | 'failed'>('idle');
  const [firstNew, setFirstNew] = useState<string | null>(null);

  useEffect(() => {
    if (firstNew) document.getElementById(`timeline-${firstNew}`)?.focus();
  }, [firstNew]);

  const loadMore = async (event: MouseEvent<HTMLAnchorElement>) => {
    if (!nextBefore) return;
    event.preventDefault();
    setState('loading');
    const query = new URLSearchParams({ before: nextBefore, limit: String(pageSize), ...(kinds ? { kinds } : {}) });
    try {
      const response = await fetch(publicPath(`/api/admin/customers/${encodeURIComponent(organizationId)}/timeline?${query}`));
      if (!response.ok) throw new Error(String(response.status));
      const page = ((await response.json()) as { data: TimelinePage }).data;
      setFirstNew(page.entries[0]?.id ?? null);
      setEntries((shown) => [...shown, ...page.entries]);
      setNextBefore(page.nextBefore);
      setState('idle');
    } catch {
      setState('failed');
    }
  };

  if (entries.length === 0) return <EmptyState title="Nothing on the timeline" description="No activity, Stripe event or usage alert of this kind yet." />;
  return (
    <div className="stack">
      <ol className="timeline" aria-label="Timeline entries">
        {entries.map((entry) => (
          <li key={entry.id} id={`timeline-${entry.id}`} tabIndex={-1}>
            <Entry entry={entry} organizationId={organizationId} canReplay={canReplay} />
          </li>
        ))}
      </ol>
      {state === 'failed' ? (
        <p className="field-error" role="alert">
          The next entries could not be loaded. Try again.
        </p>
      ) : null}
      {nextBefore ? (
        <a className="btn btn-secondary" href={`${pageHref}${pageHref.includes('?') ? '&' : '?'}before=${encodeURIComponent(nextBefore)}#timeline`} onClick={loadMore} aria-disabled={state === 'loading' || undefined}>
          {state === 'loading' ? 'Loading…' : 'Load more'}
        </a>
      ) : (
        <p className="small muted">The beginning of the timeline.</p>
      )}
    </div>
  );
}
