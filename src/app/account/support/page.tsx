import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ticketsQuery } from '@/modules/support/service';
import { TicketStatusBadge } from '@/modules/support/ui/ticket-status';
import { readPage } from '@/platform/actions/read-page';
import { requirePortalSession } from '@/platform/auth/current';
import { portalPath } from '@/platform/http/portal-path';
import { ButtonLink } from '@/ui/button';
import { formatDate } from '@/ui/date';
import { EmptyState } from '@/ui/empty-state';
import { Table } from '@/ui/table';

export const metadata = { title: 'Support' };

export default async function SupportPage() {
  await requirePortalSession();
  const read = await readPage(ticketsQuery, {});
  if (read.status !== 'ok') notFound();
  const { tickets } = read.data;
  const contact = (
    <ButtonLink href={portalPath('/account/support/new')} variant="primary">
      Contact support
    </ButtonLink>
  );

  return (
    <div className="stack stack-lg">
      <div className="page-header">
        <div>
          <h1>Support</h1>
          <p className="muted">Your conversations with the support team.</p>
        </div>
        {tickets.length > 0 ? contact : null}
      </div>
      {tickets.length === 0 ? (
        <EmptyState title="No tickets yet" description="When you write to support, the conversation shows up here." action={contact} />
      ) : (
        <Table
          caption="Tickets"
          columns={[
            { key: 'subject', header: 'Subject', rowHeader: true },
            { key: 'status', header: 'Status' },
            { key: 'updated', header: 'Updated' },
          ]}
          rows={tickets.map((t) => ({
            key: t.id,
            subject: (
              <Link href={portalPath(`/account/support/${t.id}`)}>
                #{t.number} {t.subject}
              </Link>
            ),
            status: <TicketStatusBadge status={t.status} />,
            updated: formatDate(t.updatedAt),
          }))}
        />
      )}
    </div>
  );
}
