import Link from 'next/link';
import { can } from '@config/permissions';
import { auditQuery, listAuditEntries } from '@/modules/audit/service';
import { requirePortalSession } from '@/platform/auth/current';
import { getDb } from '@/platform/db/client';
import { EmptyState } from '@/ui/empty-state';
import { Table } from '@/ui/table';
import { actorLabel } from './actor-label';
import { ChangeSummary } from './change-summary';
import { portalPath } from '@/platform/http/portal-path';

export const metadata = { title: 'Activity' };

const when = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' });

export default async function ActivityPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const session = await requirePortalSession();
  if (!can(session.role, 'audit.read')) {
    return <EmptyState title="Only owners and admins can see activity" description="Ask an owner or admin of your organization if you need to know who changed what." />;
  }
  const parsed = auditQuery.safeParse(await searchParams);
  const query = parsed.success ? parsed.data : auditQuery.parse({});
  const { entries, nextBefore } = await listAuditEntries(await getDb(), session.organization.id, query);
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
          when: <time dateTime={e.createdAt}>{when.format(new Date(e.createdAt))}</time>,
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
      {query.before || nextBefore ? (
        <nav className="row" aria-label="Pages">
          {query.before ? <Link href={portalPath('/account/activity')}>Newest</Link> : null}
          {nextBefore ? <Link href={portalPath(`/account/activity?before=${nextBefore}`)}>Older entries</Link> : null}
        </nav>
      ) : null}
    </div>
  );
}
