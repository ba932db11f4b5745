import Link from 'next/link';
import { activityScreenQuery } from '@/modules/audit/queries';
import { ChangeSummary } from '@/modules/audit/ui/change-summary';
import { readPage } from '@/platform/actions/read-page';
import { requirePortalSession } from '@/platform/auth/current';
import { formatDateTime } from '@/ui/date';
import { EmptyState } from '@/ui/empty-state';
import { Table } from '@/ui/table';
import { portalPath } from '@/platform/http/portal-path';
import { actorLabel } from './actor-label';

export const metadata = { title: 'Activity' };

export default async function ActivityPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  await requirePortalSession();
  const read = await readPage(activityScreenQuery, await searchParams);
  if (read.status !== 'ok') {
    return <EmptyState title="Only owners and admins can see activity" description="Ask an owner or admin of your organization if you need to know who changed what." />;
  }
  const { entries, nextBefore, before } = read.data;
  return (
    <div className="stack stack-lg">
      <div className="page-header">
        <div>
          <h1>Activity</h1>
          <p className="muted">Every change made in your organization, newest first.</p>
        </div>
      </div>
      <Table
        caption="Audit trail"
        hideCaption
        columns={[
          { key: 'when', header: 'When (UTC)' },
          { key: 'who', header: 'Who' },
          { key: 'what', header: 'What', rowHeader: true },
          { key: 'change', header: 'Change' },
        ]}
        rows={entries.map((e) => ({
          key: e.id,
          when: <time dateTime={e.createdAt}>{formatDateTime(e.createdAt, { seconds: true })}</time>,
          who: actorLabel(e),
          what: (
            <span className="stack stack-sm">
              <code className="mono">{e.action}</code>
              <span className="small muted">
                {e.entityType} {e.entityId.slice(0, 8)}
              </span>
            </span>
          ),
          change: <ChangeSummary before={e.before} after={e.after} />,
        }))}
        empty={<EmptyState title="No activity yet" description="Changes to your organization will appear here." />}
      />
      {before || nextBefore ? (
        <nav className="row" aria-label="Pages">
          {before ? <Link href={portalPath('/account/activity')}>Newest</Link> : null}
          {nextBefore ? <Link href={portalPath(`/account/activity?before=${nextBefore}`)}>Older entries</Link> : null}
        </nav>
      ) : null}
    </div>
  );
}
