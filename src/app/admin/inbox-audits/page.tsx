import Link from 'next/link';
import { adapters } from '@/modules/inbox-audit/adapters';
import { listAudits, type AuditView } from '@/modules/inbox-audit/queries';
import { UploadForm } from '@/modules/inbox-audit/ui/upload-form';
import { AuditStatus, auditPeriod } from '@/modules/inbox-audit/ui/audit-status';
import { requireStaffPage } from '@/platform/auth/staff-session';
import { getDb } from '@/platform/db/client';
import { formatDateTime } from '@/ui/date';
import { EmptyState } from '@/ui/empty-state';
import { Table } from '@/ui/table';

export const metadata = { title: 'Inbox audits' };

const sourceLabel = (audit: AuditView) => adapters.find((a) => a.source === audit.source)?.label ?? '—';

/** Every run of the inbox audit side by side, newest first, and the upload of the next export. */
export default async function InboxAuditsPage() {
  await requireStaffPage('staff.inbox_audits.read');
  const audits = await listAudits(await getDb());
  return (
    <div className="stack stack-lg">
      <div className="page-header">
        <div>
          <h1>Inbox audits</h1>
          <p className="muted">
            Upload your help desk’s ticket export (the last 90 days is a good start): every ticket is tagged with a support category, and the top 15 reasons customers
            write in are ranked with their resolution time, cost and the portal screen that could absorb them. Run it again each quarter.
          </p>
        </div>
      </div>

      <section className="card stack" aria-labelledby="runs-heading">
        <h2 id="runs-heading">Runs</h2>
        <Table
          caption="Inbox audit runs"
          hideCaption
          columns={[
            { key: 'label', header: 'Run', rowHeader: true },
            { key: 'period', header: 'Tickets from' },
            { key: 'source', header: 'Help desk' },
            { key: 'rows', header: 'Tickets', align: 'right' },
            { key: 'status', header: 'Status' },
            { key: 'created', header: 'Uploaded' },
          ]}
          rows={audits.map((a) => ({
            key: a.id,
            label: <Link href={`/admin/inbox-audits/${encodeURIComponent(a.id)}`}>{a.label}</Link>,
            period: auditPeriod(a),
            source: sourceLabel(a),
            rows: a.imported.toLocaleString('en'),
            status: <AuditStatus audit={a} />,
            created: formatDateTime(a.createdAt),
          }))}
          empty={<EmptyState title="No inbox audit yet" description="Upload a help desk export below to see why customers contact support." />}
        />
      </section>

      <section className="card stack" aria-labelledby="upload-heading">
        <h2 id="upload-heading">Upload an export</h2>
        <p className="small muted">
          Zendesk, Help Scout, Freshdesk and Intercom (IntercomExport) exports are recognised by their header row; any other help desk’s tickets can be sent as a CSV
          with the columns <code>id,subject,body,created_at,closed_at,tags</code>.
        </p>
        <UploadForm />
      </section>
    </div>
  );
}
