'use client';

import { ConfirmButton, type ConfirmButtonProps } from './dialog';
import type { FormState } from './form-state';
import { useToastingAction } from './use-toasting-action';

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
  const [, formAction] = useToastingAction(action);
  return (
    <form action={formAction} className="inline-form">
      {Object.entries(fields ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <ConfirmButton {...button} />
    </form>
  );
}
