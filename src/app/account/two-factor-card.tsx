'use client';

import { useActionState } from 'react';
import { ActionForm, Field } from '@/ui/action-form';
import { Button } from '@/ui/button';
import { FormField } from '@/ui/form-field';
import { idleFormState } from '@/ui/form-state';
import { TotpSetup, type TotpEnrolment } from '@/ui/totp-setup';
import { disableTwoFactorAction, startTwoFactorAction, verifyTwoFactorAction } from './actions';

export function TwoFactorCard({ enabled }: { enabled: boolean }) {
  const [started, start, starting] = useActionState(startTwoFactorAction, idleFormState);
  const enrolment = started.status === 'success' ? (started.data as TotpEnrolment) : null;

  return (
    <section className="card stack" aria-labelledby="two-factor-heading">
      <div className="row row-between">
        <h2 id="two-factor-heading">Two-factor authentication</h2>
        <span className={`badge ${enabled ? 'badge-success' : ''}`}>{enabled ? 'On' : 'Off'}</span>
      </div>
      {enabled ? (
        <ActionForm action={disableTwoFactorAction} submitLabel="Turn off two-factor" variant="danger" label="Turn off two-factor">
          <Field label="Password" name="password" type="password" autoComplete="current-password" hint="Confirm with your password." required />
        </ActionForm>
      ) : enrolment ? (
        <div className="stack">
          <TotpSetup enrolment={enrolment} />
          <ActionForm action={verifyTwoFactorAction} submitLabel="Turn on two-factor" pendingLabel="Verifying…" label="Verify two-factor code">
            <Field label="Authentication code" name="code" inputMode="numeric" autoComplete="one-time-code" required />
          </ActionForm>
        </div>
      ) : (
        <form action={start} className="stack" aria-label="Set up two-factor" noValidate>
          <p className="muted">Protect your account with a code from an authenticator app at every sign-in.</p>
          <FormField
            label="Password"
            name="password"
            type="password"
            autoComplete="current-password"
            hint="Confirm with your password to begin."
            error={started.status === 'error' ? (started.fields?.password ?? started.message) : undefined}
            required
          />
          <div className="row">
            <Button type="submit" disabled={starting}>
              {starting ? 'Starting…' : 'Set up two-factor'}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
