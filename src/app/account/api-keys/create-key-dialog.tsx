'use client';

import { useState } from 'react';
import { Button } from '@/ui/button';
import { Dialog } from '@/ui/dialog';
import { FormField } from '@/ui/form-field';
import { createKeyAction } from './actions';
import { KeyFormFooter } from './key-form-footer';
import { useKeyForm } from './use-key-form';

type ScopeOption = { scope: string; description: string };

export function CreateKeyDialog({ scopes, disabledReason }: { scopes: ScopeOption[]; disabledReason?: string }) {
  const [open, setOpen] = useState(false);
  const close = () => setOpen(false);
  const { error, formAction, onSubmit, pending } = useKeyForm(createKeyAction, close);
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

  return (
    <>
      <Button type="button" onClick={() => setOpen(true)} disabled={Boolean(disabledReason)} title={disabledReason}>
        Create key
      </Button>
      <Dialog open={open} onClose={close} title="Create an API key" description="The key acts for your organization, not for you: it keeps working if you leave.">
        <form id="create-key-form" action={formAction} onSubmit={onSubmit} className="stack" noValidate aria-label="Create an API key">
          <FormField label="Name" name="name" placeholder="e.g. Production server" maxLength={100} required error={error?.fields?.name} hint="So you can tell your keys apart." data-autofocus />
          <fieldset className="stack stack-sm" aria-describedby={error?.fields?.scopes ? 'scopes-error' : undefined}>
            <legend className="label">Scopes</legend>
            {scopes.map((s) => (
              <label key={s.scope} className="choice">
                <input type="checkbox" name="scopes" value={s.scope} defaultChecked={s.scope === 'read'} />
                <span>
                  <code className="mono">{s.scope}</code> <span className="muted small">{s.description}</span>
                </span>
              </label>
            ))}
            {error?.fields?.scopes ? (
              <p id="scopes-error" className="field-error">
                {error.fields.scopes}
              </p>
            ) : null}
          </fieldset>
          <FormField label="Expires on (optional)" name="expiresAt" type="date" min={tomorrow} error={error?.fields?.expiresAt} hint="Leave empty for a key that does not expire." />
          <KeyFormFooter
            formError={error && !error.fields?.name && !error.fields?.scopes && !error.fields?.expiresAt ? error.message : undefined}
            onCancel={close}
            pending={pending}
            submitLabel="Create key"
            pendingLabel="Creating…"
          />
        </form>
      </Dialog>
    </>
  );
}
