import Link from 'next/link';
import { notFound } from 'next/navigation';
import { supportCategories } from '@config/support-categories';
import { canWriteHelp } from '@/modules/help/service';
import { listStaff } from '@/modules/staff/service';
import { staffThread, ticketActionsFor, ticketStatuses } from '@/modules/support/service';
import { TicketStatusBadge } from '@/modules/support/ui/ticket-status';
import { customerTimeline, timelineQuery } from '@/modules/timeline/service';
import { requireStaffPage } from '@/platform/auth/staff-session';
import { getDb } from '@/platform/db/client';
import { AppError } from '@/platform/http/errors';
import { isPlausibleSegment } from '@/platform/http/path-segments';
import { ActionForm, Field } from '@/ui/action-form';
import { ButtonLink } from '@/ui/button';
import { formatDateTime } from '@/ui/date';
import { TimelineSection } from '../../customers/[id]/timeline-section';
import { staffReplyAction, staffUpdateAction } from '../actions';

export const metadata = { title: 'Ticket' };
const TIMELINE_PAGE = 15;

async function threadOr404(id: string) {
  try {
    return await staffThread(await getDb(), id);
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    throw error;
  }
}

/** One ticket for the support team: the thread (internal notes marked) beside the customer's timeline. */
export default async function StaffTicketPage({ params }: { params: Promise<{ id: string }> }) {
  const staff = await requireStaffPage('staff.tickets.read');
  const { id } = await params;
  if (!isPlausibleSegment(id)) notFound();
  const { ticket, messages } = await threadOr404(id);
  const db = await getDb();
  const [timeline, team] = await Promise.all([customerTimeline(db, ticket.organizationId, timelineQuery.parse({ limit: TIMELINE_PAGE })), listStaff(db)]);
  const may = ticketActionsFor(staff);
  const canReply = may.reply;
  const canUpdate = may.update;

  return (
    <div className="stack stack-lg">
      <p>
        <Link href="/admin/tickets">← Queue</Link>
      </p>
      <div className="page-header">
        <div>
          <h1>
            #{ticket.number} {ticket.subject}
          </h1>
          <p className="muted">
            <Link href={`/admin/customers/${encodeURIComponent(ticket.organizationId)}`}>{ticket.organizationName}</Link> · from {ticket.createdBy.name} ({ticket.createdBy.email}) · {ticket.source === 'host' ? 'filed by the product' : 'portal'}
            {ticket.rating ? ` · rated ${ticket.rating}${ticket.ratingComment ? `: “${ticket.ratingComment}”` : ''}` : ''}
          </p>
        </div>
        <span className="row row-end">
          {ticket.status === 'solved' && canWriteHelp(staff.role) ? (
            <ButtonLink href={`/admin/help/new?fromTicket=${encodeURIComponent(ticket.id)}`} variant="secondary">
              Draft a help article from this ticket
            </ButtonLink>
          ) : null}
          <TicketStatusBadge status={ticket.status} staff />
        </span>
      </div>

      <div className="row stack-start" style={{ alignItems: 'flex-start', flexWrap: 'wrap' }}>
        <div className="stack grow" style={{ flex: '1 1 28rem', minWidth: 0 }}>
          <ol className="stack" aria-label="Conversation" style={{ listStyle: 'none', padding: 0 }}>
            {messages.map((m) => (
              <li key={m.id} className={m.internal ? 'card stack stack-sm banner banner-warning' : 'card stack stack-sm'} data-internal={m.internal ? 'true' : undefined}>
                <p className="muted">
                  <strong>{m.author.type === 'auto' ? 'Automatic answer' : m.author.name}</strong>
                  {m.internal ? ' · internal note' : ''}
                  {m.author.type === 'auto' ? (m.dismissedAt ? ' · dismissed by the customer' : ' · not dismissed') : ''} · {formatDateTime(m.createdAt)}
                </p>
                <p style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{m.body}</p>
              </li>
            ))}
          </ol>
          {canReply ? (
            <section className="card stack" aria-labelledby="staff-reply-heading">
              <h2 id="staff-reply-heading">Reply</h2>
              <ActionForm action={staffReplyAction} submitLabel="Send" pendingLabel="Sending…" resetOnSuccess label="Reply to the customer">
                <input type="hidden" name="ticketId" value={ticket.id} />
                <input type="hidden" name="organizationId" value={ticket.organizationId} />
                <Field label="Message" name="body">
                  <textarea name="body" className="input" rows={5} required />
                </Field>
                <label className="row">
                  <input type="checkbox" name="internal" /> Internal note (the customer never sees it)
                </label>
                <Field label="Then set status" name="status">
                  <select name="status" className="input" defaultValue="">
                    <option value="">Waiting on customer (notes: unchanged)</option>
                    {ticketStatuses.map((s) => (
                      <option key={s} value={s}>
                        {s}
                      </option>
                    ))}
                  </select>
                </Field>
              </ActionForm>
            </section>
          ) : null}
          {canUpdate ? (
            <section className="card stack" aria-labelledby="ticket-settings-heading">
              <h2 id="ticket-settings-heading">Assign and categorize</h2>
              <ActionForm action={staffUpdateAction} submitLabel="Save" label="Assign and categorize">
                <input type="hidden" name="ticketId" value={ticket.id} />
                <input type="hidden" name="organizationId" value={ticket.organizationId} />
                <Field label="Assignee" name="assigneeId">
                  <select name="assigneeId" className="input" defaultValue={ticket.assigneeId ?? 'none'}>
                    <option value="none">Unassigned</option>
                    <option value={staff.staffId}>Me</option>
                    {team
                      .filter((s) => s.id !== staff.staffId && s.status !== 'disabled')
                      .map((s) => (
                        <option key={s.id} value={s.id}>
                          {s.name || s.email}
                        </option>
                      ))}
                  </select>
                </Field>
                <Field label="Category" name="category">
                  <select name="category" className="input" defaultValue={ticket.category ?? ''}>
                    <option value="">None</option>
                    {Object.entries(supportCategories).map(([key, c]) => (
                      <option key={key} value={key}>
                        {c.label}
                      </option>
                    ))}
                  </select>
                </Field>
              </ActionForm>
            </section>
          ) : null}
        </div>
        <div className="stack" style={{ flex: '1 1 22rem', minWidth: 0 }}>
          <TimelineSection organizationId={ticket.organizationId} kind={undefined} page={timeline} before={undefined} pageSize={TIMELINE_PAGE} canReplay={may.replayEvents} />
        </div>
      </div>
    </div>
  );
}
