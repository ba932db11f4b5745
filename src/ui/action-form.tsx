'use client';

import { createContext, startTransition, useContext, useEffect, useRef, type FormEvent, type ReactNode } from 'react';
import { Button, type ButtonVariant } from './button';
import { FormField, type FormFieldProps } from './form-field';
import { idleFormState, type FormState } from './form-state';
import { useToastingAction } from './use-toasting-action';

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

const FormStateContext = createContext<FormState>(idleFormState);

export function useFormState(): FormState {
  return useContext(FormStateContext);
}

/**
 * A form bound to a server action: shows field errors beside their fields, a form-level error,
 * and a toast on success. Works without JavaScript too (the action still runs).
 */
export function ActionForm({
  action,
  submitLabel,
  pendingLabel = 'Saving…',
  variant = 'primary',
  resetOnSuccess = false,
  children,
  className,
  label,
}: {
  action: Action;
  submitLabel: string;
  pendingLabel?: string;
  variant?: ButtonVariant;
  resetOnSuccess?: boolean;
  children?: ReactNode;
  className?: string;
  label?: string;
}) {
  // Errors show beside the fields; successes as a toast, even when the form does not outlive them.
  const [state, formAction, pending] = useToastingAction(action, { toastErrors: false });
  const form = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (state.status === 'success' && resetOnSuccess) form.current?.reset();
  }, [state, resetOnSuccess]);

  // With JavaScript, submit by hand: React resets a form after an `action` prop runs, which would
  // wipe what the person typed whenever the server refuses it. Without JavaScript, `action` still works.
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const data = new FormData(event.currentTarget, submitter);
    startTransition(() => formAction(data));
  };

  const formError = state.status === 'error' && (!state.fields || Object.keys(state.fields).length === 0 || state.fields._) ? (state.fields?._ ?? state.message) : undefined;

  return (
    <FormStateContext.Provider value={state}>
      <form ref={form} action={formAction} onSubmit={submit} className={className ?? 'stack'} aria-label={label} noValidate>
        {children}
        {formError ? (
          <p role="alert" className="form-error">
            {formError}
          </p>
        ) : null}
        <div className="row">
          <Button type="submit" variant={variant} disabled={pending} aria-disabled={pending}>
            {pending ? pendingLabel : submitLabel}
          </Button>
        </div>
      </form>
    </FormStateContext.Provider>
  );
}

/** A FormField whose error comes from the enclosing ActionForm's last result. */
export function Field(props: FormFieldProps) {
  const state = useFormState();
  return <FormField {...props} error={props.error ?? state.fields?.[props.name]} />;
}
