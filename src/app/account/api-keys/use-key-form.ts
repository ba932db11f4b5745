'use client';

import { startTransition, useActionState, type FormEvent } from 'react';
import { idleFormState, type FormState } from '@/ui/form-state';
import { useRevealSecret } from './secret-reveal';

type Action = (state: FormState, formData: FormData) => Promise<FormState>;
type Revealed = { secret: string; name: string; previousExpiresAt?: string };

/**
 * A dialog form whose action answers with a new secret: on success the secret goes to the reveal
 * dialog (which outlives this one) and `onDone` closes the form. Errors stay in the form, and so
 * does what was typed (submitted by hand: React would reset a form with an `action` prop).
 */
export function useKeyForm(action: Action, onDone: () => void, noteFor?: (revealed: Revealed) => string) {
  const reveal = useRevealSecret();
  const [state, formAction, pending] = useActionState(async (previous: FormState, formData: FormData) => {
    const outcome = await action(previous, formData);
    if (outcome.status === 'success') {
      const revealed = outcome.data as Revealed;
      reveal({ name: revealed.name, secret: revealed.secret, note: noteFor?.(revealed) });
      onDone();
    }
    return outcome;
  }, idleFormState);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => formAction(data));
  };
  const error = state.status === 'error' ? state : undefined;
  return { error, formAction, onSubmit, pending };
}
