'use client';

import { useState } from 'react';
import { Button } from '@/ui/button';
import { formatDateTime } from '@/ui/date';
import { Dialog } from '@/ui/dialog';
import { rotateKeyAction } from './actions';
import { KeyFormFooter } from './key-form-footer';
import { useKeyForm } from './use-key-form';


export function RotateKeyDialog({ keyId, name, gracePeriods }: { keyId: string; name: string; gracePeriods: { value: string; label: string }[] }) {
  const [open, setOpen] = useState(false);
  const close = () => setOpen(false);
  const { error, formAction, onSubmit, pending } = useKeyForm(rotateKeyAction, close, ({ previousExpiresAt }) =>
    previousExpiresAt && new Date(previousExpiresAt).getTime() > Date.now()
      ? `The old key keeps working until ${formatDateTime(previousExpiresAt)} UTC. Deploy the new one before then.`
      : 'The old key has stopped working.',
  );

  return (
    <>
      <Button type="button" size="sm" variant="secondary" onClick={() => setOpen(true)} aria-label={`Rotate ${name}`}>
        Rotate
      </Button>
      <Dialog open={open} onClose={close} title={`Rotate “${name}”`} description="You get a new secret with the same name and scopes. Choose how long the old one keeps working, so you can deploy the new one first.">
        <form action={formAction} onSubmit={onSubmit} className="stack" noValidate aria-label={`Rotate ${name}`}>
          <input type="hidden" name="keyId" value={keyId} />
          <fieldset className="stack stack-sm">
            <legend className="label">The old key stops working</legend>
            {gracePeriods.map((g) => (
              <label key={g.value} className="choice">
                <input type="radio" name="gracePeriod" value={g.value} defaultChecked={g.value === '24h'} />
                <span>{g.value === '0' ? 'Immediately' : `In ${g.label}`}</span>
              </label>
            ))}
          </fieldset>
          <KeyFormFooter formError={error ? (error.fields?.gracePeriod ?? error.message) : undefined} onCancel={close} pending={pending} submitLabel="Rotate key" pendingLabel="Rotating…" />
        </form>
      </Dialog>
    </>
  );
}
