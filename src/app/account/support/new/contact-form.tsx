'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState, type FormEvent } from 'react';
import { portalPath, publicPath } from '@/platform/http/portal-path';
import { Button } from '@/ui/button';
import { Spinner } from '@/ui/spinner';
import { ATTEMPT_PARAM, saveDraft, takeDraft, withParam } from '@/modules/support/ui/contact-draft';
import { SuggestionList, type Suggestions } from './suggestion-list';
import { useSuggestions, type SuggestionState } from './use-suggestions';

type Category = { id: string; label: string };
type FieldErrors = Partial<Record<'subject' | 'body' | 'category', string>>;

function shownOf(state: SuggestionState): Suggestions | null {
  if (state.status === 'ready') return state.suggestions;
  if (state.status === 'loading') return state.previous;
  return null;
}

function SuggestionPanel({ state, onFollow }: { state: SuggestionState; onFollow: (via: 'screen' | 'article', target: string, path: string) => void }) {
  const shown = shownOf(state);
  const empty = !shown || (shown.screens.length === 0 && shown.articles.length === 0);
  return (
    <section className="card stack" aria-labelledby="suggestions-heading" aria-busy={state.status === 'loading'}>
      <h2 id="suggestions-heading">Maybe this solves it</h2>
      <p className="small muted" role="status">
        {state.status === 'loading' ? <Spinner label="Looking for answers…" showLabel /> : empty && state.status !== 'error' ? 'No suggestions yet — keep typing.' : null}
      </p>
      {state.status === 'error' ? (
        <p role="alert" className="form-error">
          {state.message}
        </p>
      ) : null}
      {shown && !empty ? <SuggestionList suggestions={shown} onFollow={onFollow} /> : null}
    </section>
  );
}

/**
 * Contact support: the message, with the screens and articles that answer it shown as it is written.
 * `resume` names the attempt whose suggestion did not help: the text typed then is restored.
 */
export function ContactForm({ categories, canSend, resume }: { categories: Category[]; canSend: boolean; resume: string | null }) {
  const router = useRouter();
  const [category, setCategory] = useState('');
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [sending, setSending] = useState(false);
  const [errors, setErrors] = useState<FieldErrors & { form?: string }>({});
  const { state, attemptId } = useSuggestions(`${subject}\n${body}`, category);

  useEffect(() => {
    const draft = resume ? takeDraft(resume) : null;
    if (!draft) return;
    setCategory(draft.category);
    setSubject(draft.subject);
    setBody(draft.body);
  }, [resume]);

  const post = (path: string, data: unknown) =>
    fetch(publicPath(path), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(data) });

  async function follow(via: 'screen' | 'article', target: string, path: string) {
    // Recorded first: the navigation may leave the portal (the card flow ends at Stripe).
    const id = attemptId.current;
    if (!id) return router.push(portalPath(path));
    await post(`/api/account/support/attempts/${encodeURIComponent(id)}/resolved`, { via, target }).catch(() => undefined);
    saveDraft({ attemptId: id, category, subject, body });
    router.push(portalPath(withParam(path, ATTEMPT_PARAM, id)));
  }

  async function send(event: FormEvent) {
    event.preventDefault();
    setSending(true);
    setErrors({});
    try {
      const response = await post('/api/account/support/tickets', { subject, body, ...(category ? { category } : {}), ...(attemptId.current ? { attemptId: attemptId.current } : {}) });
      const answer = (await response.json().catch(() => ({}))) as { data?: { ticket: { id: string } }; error?: { message: string; fields?: FieldErrors } };
      if (answer.data) return router.push(portalPath(`/account/support/${encodeURIComponent(answer.data.ticket.id)}`));
      setErrors({ ...answer.error?.fields, form: answer.error?.message ?? 'Your message could not be sent. Please try again.' });
    } catch {
      setErrors({ form: 'Your message could not be sent. Please try again.' });
    }
    setSending(false);
  }

  return (
    <div className="stack stack-lg">
      <form className="card stack" aria-label="Contact support" onSubmit={send} noValidate>
        <div className="field">
          <label className="label" htmlFor="support-category">
            What is it about? <span className="muted">(optional)</span>
          </label>
          <select id="support-category" className="input" value={category} onChange={(e) => setCategory(e.target.value)} aria-invalid={errors.category ? true : undefined}>
            <option value="">Choose a topic…</option>
            {categories.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </select>
          {errors.category ? <p className="field-error">{errors.category}</p> : null}
        </div>
        <div className="field">
          <label className="label" htmlFor="support-subject">
            Subject
          </label>
          <input id="support-subject" className="input" value={subject} maxLength={200} required onChange={(e) => setSubject(e.target.value)} aria-invalid={errors.subject ? true : undefined} />
          {errors.subject ? <p className="field-error">{errors.subject}</p> : null}
        </div>
        <div className="field">
          <label className="label" htmlFor="support-body">
            Message
          </label>
          <textarea id="support-body" className="input" rows={6} value={body} maxLength={10000} required onChange={(e) => setBody(e.target.value)} aria-invalid={errors.body ? true : undefined} />
          {errors.body ? <p className="field-error">{errors.body}</p> : null}
        </div>
        {errors.form ? (
          <p role="alert" className="form-error">
            {errors.form}
          </p>
        ) : null}
        <div className="row">
          {canSend ? (
            <Button type="submit" disabled={sending} aria-disabled={sending}>
              {sending ? 'Sending…' : 'Send'}
            </Button>
          ) : (
            <p className="hint">Your role can read the suggestions but not send a message; ask an admin of your organization.</p>
          )}
        </div>
      </form>
      <SuggestionPanel state={state} onFollow={follow} />
    </div>
  );
}
