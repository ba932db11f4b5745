'use client';

import { useActionState, useEffect } from 'react';
import { ConfirmButton, type ConfirmButtonProps } from './dialog';
import { idleFormState, type FormState } from './form-state';
import { useToast } from './toast';

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

/**
 * One button that asks for confirmation, then runs a server action with the given hidden fields,
 * and reports the outcome as a toast (success or error).
 */
export function ConfirmActionForm({
  action,
  fields,
  ...button
}: { action: Action; fields?: Record<string, string> } & Omit<ConfirmButtonProps, 'name' | 'value'>) {
  const [state, formAction] = useActionState(action, idleFormState);
  const toast = useToast();
  useEffect(() => {
    if (state.status !== 'idle' && state.message) toast.show(state.message, state.status === 'error' ? 'error' : 'success');
  }, [state, toast]);
  return (
    <form action={formAction} className="inline-form">
      {Object.entries(fields ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <ConfirmButton {...button} />
    </form>
  );
}
