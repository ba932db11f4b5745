'use client';

import { useActionState } from 'react';
import { useFormStatus } from 'react-dom';
import { Button, type ButtonVariant } from '@/ui/button';
import { idleFormState } from '@/ui/form-state';
import { openPortalAction } from './actions';

function PortalButton({ flow, label, variant = 'secondary' }: { flow: string; label: string; variant?: ButtonVariant }) {
  const { pending, data } = useFormStatus();
  const mine = pending && data?.get('flow') === flow;
  return (
    <Button type="submit" name="flow" value={flow} variant={variant} disabled={pending} aria-disabled={pending}>
      {mine ? 'Opening Stripe…' : label}
    </Button>
  );
}

/**
 * Each button opens Stripe's billing portal at one flow; Stripe asks for the confirmation. If the
 * portal cannot be opened, the reason shows here and nothing changes.
 */
export function PortalButtons({ canChangePlan, canCancel }: { canChangePlan: boolean; canCancel: boolean }) {
  const [state, formAction] = useActionState(openPortalAction, idleFormState);
  return (
    <form action={formAction} className="stack stack-sm" aria-label="Manage your subscription at Stripe">
      <div className="row">
        <PortalButton flow="payment_method_update" label="Update card" />
        {canChangePlan ? <PortalButton flow="subscription_update" label="Change plan" /> : null}
        {canCancel ? <PortalButton flow="subscription_cancel" label="Cancel subscription" variant="danger" /> : null}
      </div>
      <p className="hint">Each button opens Stripe’s secure billing portal; nothing changes until you confirm there.</p>
      {state.status === 'error' ? (
        <p role="alert" className="form-error">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
