'use client';

import dynamic from 'next/dynamic';
import { useSearchParams } from 'next/navigation';
import { ATTEMPT_PARAM, isAttemptId } from './contact-draft';

const SolvedPrompt = dynamic(() => import('./solved-prompt').then((m) => m.SolvedPrompt));

/**
 * Where "Did this solve it?" appears in the account shell: only on a page reached from a contact-form
 * suggestion (`?attempt=`), the prompt's code loaded only then.
 */
export function SolvedPromptSlot() {
  const attemptId = useSearchParams().get(ATTEMPT_PARAM);
  return isAttemptId(attemptId) ? <SolvedPrompt key={attemptId} attemptId={attemptId} /> : null;
}
