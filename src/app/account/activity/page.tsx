import Link from 'next/link';
import { activityScreenQuery } from '@/modules/audit/queries';
import { AuditTable } from '@/modules/audit/ui/audit-table';
import { readPage } from '@/platform/actions/read-page';
import { requirePortalSession } from '@/platform/auth/current';
import { EmptyState } from '@/ui/empty-state';
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
      <AuditTable entries={entries} who={actorLabel} empty={<EmptyState title="No activity yet" description="Changes to your organization will appear here." />} />
      {before || nextBefore ? (
        <nav className="row" aria-label="Pages">
          {before ? <Link href={portalPath('/account/activity')}>Newest</Link> : null}
          {nextBefore ? <Link href={portalPath(`/account/activity?before=${nextBefore}`)}>Older entries</Link> : null}
        </nav>
      ) : null}
    </div>
  );
}
