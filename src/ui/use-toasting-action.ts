'use client';

import { useActionState } from 'react';
import { idleFormState, type FormState } from './form-state';
import { useToast } from './toast';

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

/**
 * A server action bound to a form that reports its outcome as a toast the moment it answers:
 * the action often removes the very component that called it (a removed row, a handed-over section).
 */
export function useToastingAction(action: Action, { toastErrors = true } = {}) {
  const toast = useToast();
  return useActionState(async (previous: FormState, formData: FormData) => {
    const outcome = await action(previous, formData);
    if (outcome.message && (outcome.status === 'success' || toastErrors)) toast.show(outcome.message, outcome.status === 'error' ? 'error' : 'success');
    return outcome;
  }, idleFormState);
}
