'use client';

import { useId, useState } from 'react';
import { publicPath } from '@/platform/http/portal-path';
import { Button } from '@/ui/button';
import { Input } from '@/ui/input';

export type PickedOrganization = { id: string; name: string };
type Hit = PickedOrganization & { externalId: string | null };

/**
 * The allowlist's organizations: the listed ones, each removable, and a customer search
 * (GET /api/admin/customers) whose results are added with a button. It sits inside the section's
 * form, so the search is no form of its own: Enter in the box searches rather than saving.
 */
export function OrganizationPicker({ section, picked, onChange }: { section: string; picked: PickedOrganization[]; onChange: (next: PickedOrganization[]) => void }) {
  const searchId = useId();
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<Hit[] | null>(null);
  const [status, setStatus] = useState('');

  async function search() {
    const q = query.trim();
    if (!q) return;
    setStatus('Searching…');
    try {
      const response = await fetch(publicPath(`/api/admin/customers?q=${encodeURIComponent(q)}`));
      const body = (await response.json()) as { data?: { organizations: Hit[] }; error?: { message: string; fields?: { q?: string } } };
      const found = body.data?.organizations ?? [];
      setHits(found);
      setStatus(body.error ? (body.error.fields?.q ?? body.error.message) : found.length === 0 ? `No customer matches “${q}”.` : `${found.length} found.`);
    } catch {
      setStatus('The search failed. Try again.');
    }
  }

  const isPicked = (id: string) => picked.some((p) => p.id === id);
  return (
    <div className="stack-sm">
      {picked.length === 0 ? (
        <p className="small muted">No organization yet: the section is shown to nobody.</p>
      ) : (
        <ul className="stack-sm" aria-label={`Organizations that see ${section}`}>
          {picked.map((o) => (
            <li key={o.id} className="row row-between">
              <span>{o.name}</span>
              <Button type="button" size="sm" variant="ghost" onClick={() => onChange(picked.filter((p) => p.id !== o.id))} aria-label={`Remove ${o.name}`}>
                Remove
              </Button>
            </li>
          ))}
        </ul>
      )}
      <div className="row" role="search" aria-label={`Find a customer for ${section}`}>
        <label className="sr-only" htmlFor={searchId}>
          Customer name, external id or member email
        </label>
        <Input
          id={searchId}
          className="grow"
          type="search"
          placeholder="Customer name, external id or email"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key !== 'Enter') return;
            e.preventDefault();
            void search();
          }}
        />
        <Button type="button" size="sm" variant="secondary" onClick={() => void search()}>
          Search
        </Button>
      </div>
      <p className="small muted" role="status">
        {status}
      </p>
      {hits && hits.length > 0 ? (
        <ul className="stack-sm" aria-label="Customers found">
          {hits.map((h) => (
            <li key={h.id} className="row row-between">
              <span>
                {h.name} {h.externalId ? <span className="small muted mono">{h.externalId}</span> : null}
              </span>
              <Button type="button" size="sm" variant="secondary" disabled={isPicked(h.id)} onClick={() => onChange([...picked, { id: h.id, name: h.name }])} aria-label={`Add ${h.name}`}>
                {isPicked(h.id) ? 'Added' : 'Add'}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
