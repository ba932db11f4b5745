'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { CustomerHit, MatchField } from '@/modules/customers/service';
import { Button } from '@/ui/button';
import { publicPath } from '@/platform/http/portal-path';

const DEBOUNCE_MS = 150;
const matchLabels: Record<MatchField, string> = { id: 'Organization id', name: 'Name', externalId: 'External id', email: 'Member email', stripeCustomerId: 'Stripe customer' };

type Answer = { query: string; hits: CustomerHit[]; error?: string };

function statusOf(answer: Answer, searching: boolean): string {
  if (searching) return 'Searching…';
  if (answer.error) return '';
  if (answer.query === '') return 'Type a name, external id, member email or Stripe customer id.';
  if (answer.hits.length === 0) return `No customer matches “${answer.query}”.`;
  return `${answer.hits.length === 1 ? 'One customer' : `${answer.hits.length} customers`} — ↓ to move through them, Enter to open.`;
}

/**
 * The customer search box: answers as one types (a debounced call of GET /api/admin/customers), and
 * from the keyboard: focused on load, ↓/↑ move through the results, Enter opens one (Enter in the box
 * opens the first). Without JavaScript it is a plain GET form whose page lists the same results.
 */
const customerHref = (id: string) => `/admin/customers/${encodeURIComponent(id)}`;

export function CustomerSearch({ initial }: { initial: Answer }) {
  const router = useRouter();
  const [query, setQuery] = useState(initial.query);
  const [answer, setAnswer] = useState<Answer>(initial);
  const box = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);

  useEffect(() => {
    const q = query.trim();
    if (q === answer.query) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(publicPath(`/api/admin/customers?q=${encodeURIComponent(q)}`), { signal: controller.signal });
        const body = (await response.json()) as { data?: { organizations: CustomerHit[] }; error?: { message: string; fields?: { q?: string } } };
        setAnswer(body.data ? { query: q, hits: body.data.organizations } : { query: q, hits: [], error: body.error?.fields?.q ?? body.error?.message ?? 'The search failed.' });
        window.history.replaceState(null, '', q ? `/admin?q=${encodeURIComponent(q)}` : '/admin');
      } catch (error) {
        if ((error as Error).name !== 'AbortError') setAnswer({ query: q, hits: [], error: 'The search failed. Try again.' });
      }
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query, answer.query]);

  const searching = query.trim() !== answer.query;
  const results = () => [...(list.current?.querySelectorAll<HTMLAnchorElement>('a') ?? [])];
  const onBoxKey = (event: KeyboardEvent<HTMLInputElement>) => {
    const first = results()[0];
    if (event.key === 'ArrowDown' && first) {
      event.preventDefault();
      first.focus();
    }
  };
  /** Enter in the box: the first result of this very query; a query still on its way answers by itself. */
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const first = answer.hits[0];
    // The route's own path: a rendered link's href already carries the base path, which push would add again.
    if (first && !searching) router.push(customerHref(first.id));
  };
  const onListKey = (event: KeyboardEvent<HTMLUListElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const links = results();
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    const next = at + (event.key === 'ArrowDown' ? 1 : -1);
    if (next < 0) box.current?.focus();
    else links[Math.min(next, links.length - 1)]?.focus();
  };

  return (
    <div className="stack">
      <form role="search" action="/admin" className="row" onSubmit={onSubmit}>
        <label htmlFor="customer-query" className="sr-only">
          Search customers
        </label>
        <input
          ref={box}
          id="customer-query"
          className="input grow"
          type="search"
          name="q"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={onBoxKey}
          placeholder="Name, external id, member email or cus_…"
          autoComplete="off"
          spellCheck={false}
          autoFocus
          maxLength={200}
          aria-describedby="customer-search-status"
          aria-invalid={answer.error ? true : undefined}
        />
        <Button type="submit" variant="secondary">
          Search
        </Button>
      </form>
      {answer.error ? (
        <p className="field-error" role="alert">
          {answer.error}
        </p>
      ) : null}
      <p id="customer-search-status" className="small muted" role="status">
        {statusOf(answer, searching)}
      </p>
      {answer.hits.length > 0 ? (
        <ul ref={list} className="result-list" aria-label="Customers found" onKeyDown={onListKey}>
          {answer.hits.map((hit) => (
            <li key={hit.id}>
              <Link href={customerHref(hit.id)} className="result">
                <span className="result-title">
                  {hit.name} <span className="badge">{hit.plan}</span>
                </span>
                <span className="small muted">
                  {hit.externalId ? <span className="mono">{hit.externalId}</span> : 'No external id'} · {hit.members === 1 ? '1 member' : `${hit.members} members`}
                  {hit.stripeCustomerId ? (
                    <>
                      {' '}
                      · <span className="mono">{hit.stripeCustomerId}</span>
                    </>
                  ) : null}
                </span>
                {hit.match.field !== 'name' ? (
                  <span className="small">
                    {matchLabels[hit.match.field]}: <span className="mono">{hit.match.value}</span>
                  </span>
                ) : null}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
