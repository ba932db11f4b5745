import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ticketQuery } from '@/modules/support/service';
import { TicketStatusBadge } from '@/modules/support/ui/ticket-status';
import { readPage } from '@/platform/actions/read-page';
import { requirePortalSession } from '@/platform/auth/current';
import { portalPath } from '@/platform/http/portal-path';
import { ActionForm, Field } from '@/ui/action-form';
import { formatDateTime } from '@/ui/date';
import { dismissAction, rateAction, replyAction, solveAction } from '../actions';

export const metadata = { title: 'Support ticket' };

export default async function TicketPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePortalSession();
  const { id } = await params;
  const read = await readPage(ticketQuery, { ticketId: id });
  if (read.status !== 'ok') notFound();
  const { ticket, messages, autoAnswerPending } = read.data;
  const solved = ticket.status === 'solved';

  return (
    <div className="stack stack-lg">
      <p>
        <Link href={portalPath('/account/support')}>← All tickets</Link>
      </p>
      <div className="page-header">
        <div>
          <h1>
            #{ticket.number} {ticket.subject}
          </h1>
          <p className="muted">
            Opened {formatDateTime(ticket.createdAt)} by {ticket.createdBy.name}
          </p>
        </div>
        <TicketStatusBadge status={ticket.status} />
      </div>

      <ol className="stack" aria-label="Conversation" style={{ listStyle: 'none', padding: 0 }}>
        {messages.map((m) => (
          <li key={m.id} className="card stack stack-sm" data-author={m.author.type}>
            <p className="muted">
              <strong>{m.author.type === 'auto' ? 'Automatic answer' : m.author.name}</strong> · {formatDateTime(m.createdAt)}
            </p>
            <p style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{m.body}</p>
            {m.author.type === 'auto' && !m.dismissedAt && !solved ? (
              <ActionForm action={dismissAction} submitLabel="I still need a person" variant="secondary" label="Ask for a person">
                <input type="hidden" name="ticketId" value={ticket.id} />
              </ActionForm>
            ) : null}
          </li>
        ))}
      </ol>

      <section className="card stack" aria-labelledby="reply-heading">
        <h2 id="reply-heading">{solved ? 'Reopen with a reply' : 'Reply'}</h2>
        <ActionForm action={replyAction} submitLabel="Send reply" pendingLabel="Sending…" resetOnSuccess label="Reply">
          <input type="hidden" name="ticketId" value={ticket.id} />
          <Field label="Message" name="body">
            <textarea name="body" className="input" rows={5} required />
          </Field>
        </ActionForm>
      </section>

      {solved ? (
        <section className="card stack" aria-labelledby="rating-heading">
          <h2 id="rating-heading">How was the answer?</h2>
          {ticket.rating ? <p>You rated it {ticket.rating === 'good' ? 'good' : 'bad'}. You can change your rating.</p> : null}
          <ActionForm action={rateAction} submitLabel="Send rating" label="Rate the answer">
            <input type="hidden" name="ticketId" value={ticket.id} />
            <fieldset className="row">
              <legend>Rating</legend>
              <label>
                <input type="radio" name="rating" value="good" defaultChecked={ticket.rating !== 'bad'} /> Good
              </label>
              <label>
                <input type="radio" name="rating" value="bad" defaultChecked={ticket.rating === 'bad'} /> Bad
              </label>
            </fieldset>
            <Field label="Comment (optional)" name="comment">
              <textarea name="comment" className="input" rows={2} defaultValue={ticket.ratingComment ?? ''} />
            </Field>
          </ActionForm>
        </section>
      ) : (
        <ActionForm action={solveAction} submitLabel="Mark as solved" variant="secondary" label="Mark as solved">
          <input type="hidden" name="ticketId" value={ticket.id} />
          <input type="hidden" name="status" value="solved" />
        </ActionForm>
      )}
      {autoAnswerPending && !solved ? <p className="muted">Solved it with the link above? Mark the ticket as solved.</p> : null}
    </div>
  );
}
