'use client';

import { usePathname } from 'next/navigation';
import { useState } from 'react';
import { internalPath, portalPath } from '@/platform/http/portal-path';
import { Dialog } from '@/ui/dialog';
import { sectionIdOfPage } from '@config/sections';

export type DrawerArticle = { id: string; title: string; section: string; html: string; text: string };

/** One article, opened in place, with "Was this helpful?". */
function HelpArticle({ article }: { article: DrawerArticle }) {
  const [voted, setVoted] = useState<'sent' | 'failed' | null>(null);
  const vote = async (helpful: boolean) => {
    const response = await fetch(portalPath(`/api/account/help/articles/${encodeURIComponent(article.id)}/vote`), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ helpful }),
    }).catch(() => null);
    setVoted(response?.ok ? 'sent' : 'failed');
  };
  return (
    <details className="help-article">
      <summary>{article.title}</summary>
      <div className="help-body" dangerouslySetInnerHTML={{ __html: article.html }} />
      <div className="help-vote small" role="group" aria-label={`Was “${article.title}” helpful?`}>
        {voted === 'sent' ? (
          <span role="status">Thanks for telling us.</span>
        ) : (
          <>
            <span aria-hidden="true">Was this helpful?</span>
            <button type="button" className="btn btn-secondary btn-sm" onClick={() => vote(true)}>
              Yes
            </button>
            <button type="button" className="btn btn-secondary btn-sm" onClick={() => vote(false)}>
              No
            </button>
            {voted === 'failed' ? <span role="alert">Your vote was not saved. Try again.</span> : null}
          </>
        )}
      </div>
    </details>
  );
}

/** The Help button and its drawer: the current section's articles, filtered by the search box. */
export function HelpDrawerClient({ articles, labels }: { articles: DrawerArticle[]; labels: Record<string, string> }) {
  const routerPath = usePathname();
  const section = sectionIdOfPage(internalPath(routerPath ?? '/account'));
  const [open, setOpen] = useState(false);
  const [q, setQ] = useState('');
  const words = q.toLowerCase().split(/\s+/).filter(Boolean);
  const shown = articles.filter((a) => a.section === section && words.every((w) => a.text.includes(w)));
  return (
    <>
      <button type="button" className="btn btn-secondary btn-sm help-button" onClick={() => setOpen(true)} aria-haspopup="dialog">
        Help
      </button>
      <Dialog open={open} onClose={() => setOpen(false)} title={`Help: ${labels[section] ?? section}`} className="help-drawer">
        <input type="search" className="input" aria-label="Search help" placeholder="Search help" value={q} onChange={(e) => setQ(e.target.value)} data-autofocus />
        {shown.length > 0 ? (
          <ul className="help-list">
            {shown.map((a) => (
              <li key={a.id}>
                <HelpArticle article={a} />
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted small">{q ? 'No article matches your search.' : 'No help articles for this section yet.'}</p>
        )}
      </Dialog>
    </>
  );
}
