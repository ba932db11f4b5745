'use client';

import { useActionState, type ReactNode } from 'react';
import { ActionForm, Field } from '@/ui/action-form';
import { Button } from '@/ui/button';
import { FormField } from '@/ui/form-field';
import { idleFormState, type FormState } from '@/ui/form-state';
import { TotpSetup, type TotpEnrolment } from '@/ui/totp-setup';
import { setUpAction, startEnrolmentAction, verifyEnrolmentAction } from './actions';

type Action = (state: FormState, data: FormData) => Promise<FormState>;

/** The last step of every builtin staff sign-in until it is done: add the key, prove it with a code. */
function VerifyCode({ enrolment, next }: { enrolment: TotpEnrolment; next: string }) {
  return (
    <div className="stack">
      <TotpSetup enrolment={enrolment} />
      <ActionForm action={verifyEnrolmentAction} submitLabel="Turn on two-factor and continue" pendingLabel="Verifying…" label="Verify two-factor code">
        <input type="hidden" name="next" value={next} />
        <Field label="Authentication code" name="code" inputMode="numeric" autoComplete="one-time-code" required autoFocus />
      </ActionForm>
    </div>
  );
}

/** A form whose success hands over a TOTP enrolment; the code step then replaces it. */
function EnrolmentStep({ action, next, submitLabel, label, children }: { action: Action; next: string; submitLabel: string; label: string; children: (state: FormState) => ReactNode }) {
  const [state, submit, pending] = useActionState(action, idleFormState);
  if (state.status === 'success') return <VerifyCode enrolment={state.data as TotpEnrolment} next={next} />;
  return (
    <form action={submit} className="stack" aria-label={label} noValidate>
      {children(state)}
      {state.status === 'error' && (!state.fields || state.fields._) ? (
        <p role="alert" className="form-error">
          {state.fields?._ ?? state.message}
        </p>
      ) : null}
      <div className="row">
        <Button type="submit" disabled={pending}>
          {pending ? 'Working…' : submitLabel}
        </Button>
      </div>
    </form>
  );
}

const fieldError = (state: FormState, name: string) => (state.status === 'error' ? state.fields?.[name] : undefined);

/** Enrolment after signing in with a password: the password once more, then the code. */
export function Enrolment({ next }: { next: string }) {
  return (
    <EnrolmentStep action={startEnrolmentAction} next={next} submitLabel="Set up two-factor" label="Set up two-factor">
      {(state) => (
        <FormField label="Password" name="password" type="password" autoComplete="current-password" hint="Confirm with your password to begin." error={fieldError(state, 'password')} required autoFocus />
      )}
    </EnrolmentStep>
  );
}

/** A set-up link: name and password, then straight on to the code. */
export function SetUp({ token }: { token: string }) {
  return (
    <EnrolmentStep action={setUpAction} next="/admin" submitLabel="Set password and continue" label="Set up your staff account">
      {(state) => (
        <>
          <input type="hidden" name="token" value={token} />
          <FormField label="Your name" name="name" autoComplete="name" error={fieldError(state, 'name')} required />
          <FormField label="Password" name="newPassword" type="password" autoComplete="new-password" hint="At least 10 characters." error={fieldError(state, 'newPassword')} required autoFocus />
          <FormField label="Confirm password" name="confirmPassword" type="password" autoComplete="new-password" error={fieldError(state, 'confirmPassword')} required />
        </>
      )}
    </EnrolmentStep>
  );
}
