import Form from 'next/form';
import Link from 'next/link';
import { supportCategories } from '@config/support-categories';
import { listStaff } from '@/modules/staff/service';
import { staffQueueInput, ticketQueue, ticketStatuses } from '@/modules/support/service';
import { TicketStatusBadge } from '@/modules/support/ui/ticket-status';
import { requireStaffPage } from '@/platform/auth/staff-session';
import { getDb } from '@/platform/db/client';
import { Button } from '@/ui/button';
import { formatDateTime } from '@/ui/date';
import { EmptyState } from '@/ui/empty-state';
import { FormField } from '@/ui/form-field';
import { Table } from '@/ui/table';

export const metadata = { title: 'Tickets' };

type Query = Record<string, string | string[] | undefined>;
const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) || undefined;
const statusLabels = { open: 'Open', waiting_on_customer: 'Waiting on customer', solved: 'Solved' } as const;

/** The support queue: unsolved tickets, oldest waiting first, filtered by status, category and assignee. */
export default async function TicketQueuePage({ searchParams }: { searchParams: Promise<Query> }) {
  const staff = await requireStaffPage('staff.tickets.read');
  const query = await searchParams;
  const asked = { status: single(query.status), category: single(query.category), assignee: single(query.assignee), q: single(query.q) };
  const parsed = staffQueueInput.safeParse(asked);
  const filters = parsed.success ? parsed.data : {};
  const db = await getDb();
  const [{ tickets }, team] = await Promise.all([ticketQueue(db, { ...filters, assignee: filters.assignee === 'me' ? staff.staffId : filters.assignee }), listStaff(db)]);

  return (
    <div className="stack stack-lg">
      <div className="page-header">
        <div>
          <h1>Tickets</h1>
          <p className="muted">Oldest waiting first. Solved tickets show with the Solved filter.</p>
        </div>
      </div>
      <Form action="/admin/tickets" className="card stack" aria-label="Filter the queue">
        <div className="row stack-start">
          <FormField label="Status" name="status" fieldClassName="grow">
            <select className="input" name="status" defaultValue={asked.status ?? ''}>
              <option value="">Not solved</option>
              {ticketStatuses.map((s) => (
                <option key={s} value={s}>
                  {statusLabels[s]}
                </option>
              ))}
            </select>
          </FormField>
          <FormField label="Category" name="category" fieldClassName="grow">
            <select className="input" name="category" defaultValue={asked.category ?? ''}>
              <option value="">Any</option>
              {Object.entries(supportCategories).map(([id, c]) => (
                <option key={id} value={id}>
                  {c.label}
                </option>
              ))}
            </select>
          </FormField>
          <FormField label="Assignee" name="assignee" fieldClassName="grow">
            <select className="input" name="assignee" defaultValue={asked.assignee ?? ''}>
              <option value="">Anyone</option>
              <option value="me">Me</option>
              <option value="none">Unassigned</option>
              {team.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name || s.email}
                </option>
              ))}
            </select>
          </FormField>
          <FormField label="Search" name="q" defaultValue={asked.q ?? ''} fieldClassName="grow" autoComplete="off" />
        </div>
        <div className="row">
          <Button type="submit" variant="secondary">
            Filter
          </Button>
        </div>
      </Form>
      {tickets.length === 0 ? (
        <EmptyState title="No tickets match" description="Nothing is waiting for the support team with these filters." />
      ) : (
        <Table
          caption="Queue"
          columns={[
            { key: 'subject', header: 'Ticket', rowHeader: true },
            { key: 'customer', header: 'Customer' },
            { key: 'status', header: 'Status' },
            { key: 'category', header: 'Category' },
            { key: 'assignee', header: 'Assignee' },
            { key: 'waiting', header: 'Waiting since' },
          ]}
          rows={tickets.map((t) => ({
            key: t.id,
            subject: (
              <Link href={`/admin/tickets/${encodeURIComponent(t.id)}`}>
                #{t.number} {t.subject}
              </Link>
            ),
            customer: t.organizationName,
            status: <TicketStatusBadge status={t.status} staff />,
            category: t.category ? (supportCategories[t.category as keyof typeof supportCategories]?.label ?? t.category) : '—',
            assignee: t.assigneeName ?? 'Unassigned',
            waiting: formatDateTime(t.updatedAt),
          }))}
        />
      )}
    </div>
  );
}
