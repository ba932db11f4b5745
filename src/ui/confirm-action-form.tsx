'use client';

import { useActionState } from 'react';
import { ConfirmButton, type ConfirmButtonProps } from './dialog';
import { idleFormState, type FormState } from './form-state';
import { useToast } from './toast';

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

/**
 * One button that asks for confirmation, then runs a server action with the given hidden fields,
 * and reports the outcome as a toast (success or error). The toast is raised as soon as the action
 * answers, because the action often removes this very button (a removed member's row).
 */
export function ConfirmActionForm({
  action,
  fields,
  ...button
}: { action: Action; fields?: Record<string, string> } & Omit<ConfirmButtonProps, 'name' | 'value'>) {
  const toast = useToast();
  const [, formAction] = useActionState(async (previous: FormState, formData: FormData) => {
    const outcome = await action(previous, formData);
    if (outcome.message) toast.show(outcome.message, outcome.status === 'error' ? 'error' : 'success');
    return outcome;
  }, idleFormState);
  return (
    <form action={formAction} className="inline-form">
      {Object.entries(fields ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <ConfirmButton {...button} />
    </form>
  );
}
