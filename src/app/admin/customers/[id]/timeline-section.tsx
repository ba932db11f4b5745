import Link from 'next/link';
import { listedKinds, type TimelineKind, type TimelinePage } from '@/modules/timeline/service';
import { TimelineList } from './timeline-list';

const chipLabels: Record<TimelineKind, string> = { audit: 'Activity', ticket: 'Tickets', billing: 'Stripe events', usage: 'Usage alerts', notification: 'Notifications', webhook: 'Webhooks' };

/** The customer's one timeline: a chip per kind (one kind, or all), the entries, and more on demand. */
export function TimelineSection({ organizationId, kind, page, before, pageSize, canReplay }: { organizationId: string; kind: TimelineKind | undefined; page: TimelinePage; before: string | undefined; pageSize: number; canReplay: boolean }) {
  const base = `/admin/customers/${encodeURIComponent(organizationId)}`;
  const hrefOf = (k: TimelineKind | undefined) => (k ? `${base}?kinds=${k}` : base);
  return (
    <section className="card stack" id="timeline" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">Timeline</h2>
      <nav aria-label="Timeline kinds">
        <ul className="row">
          {[undefined, ...listedKinds].map((k) => (
            <li key={k ?? 'all'}>
              <Link href={`${hrefOf(k)}#timeline`} className="btn btn-secondary btn-sm" aria-current={k === kind ? 'page' : undefined} scroll={false}>
                {k ? chipLabels[k] : 'Everything'}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {before ? (
        <p className="small">
          Older entries. <Link href={`${hrefOf(kind)}#timeline`}>Back to the newest</Link>
        </p>
      ) : null}
      {/* Keyed by the filter and the cursor, so that a new first page starts a new list. */}
      <TimelineList key={`${kind ?? 'all'}:${before ?? ''}`} organizationId={organizationId} kinds={kind} first={page} pageSize={pageSize} pageHref={hrefOf(kind)} canReplay={canReplay} />
    </section>
  );
}
