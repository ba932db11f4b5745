'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { portalPath, publicPath } from '@/platform/http/portal-path';
import { Button } from '@/ui/button';
import { dropDraft, RESUME_PARAM, withParam } from './contact-draft';

type State = 'asking' | 'sending' | 'solved' | 'error';

/** Apart from the page below it. */
const spaced = { marginBottom: 'var(--space-5)' };

/** "Did this solve it?" after following a suggestion: Solved, or back to the contact form with the text typed. */
export function SolvedPrompt({ attemptId }: { attemptId: string }) {
  const router = useRouter();
  const [state, setState] = useState<State>('asking');

  async function answer(solved: boolean) {
    setState('sending');
    const response = await fetch(publicPath(`/api/account/support/attempts/${encodeURIComponent(attemptId)}/feedback`), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ solved }),
    }).catch(() => null);
    if (!response?.ok) return setState('error');
    if (!solved) return router.push(portalPath(withParam('/account/support/new', RESUME_PARAM, attemptId)));
    dropDraft();
    setState('solved');
  }

  if (state === 'solved') {
    return (
      <p className="banner" role="status" style={spaced}>
        Thanks — glad that solved it.
      </p>
    );
  }
  return (
    <section className="banner row row-between" aria-label="Did this solve it?" style={spaced}>
      <strong>Did this solve it?</strong>
      <span className="row">
        <Button size="sm" disabled={state === 'sending'} onClick={() => answer(true)}>
          Solved
        </Button>
        <Button size="sm" variant="secondary" disabled={state === 'sending'} onClick={() => answer(false)}>
          Still need help
        </Button>
      </span>
      {state === 'error' ? (
        <span role="alert" className="form-error">
          Your answer could not be saved. Please try again.
        </span>
      ) : null}
    </section>
  );
}
