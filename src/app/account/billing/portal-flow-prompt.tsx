'use client';

import { useActionState } from 'react';
import { useFormStatus } from 'react-dom';
import { Button } from '@/ui/button';
import { idleFormState } from '@/ui/form-state';
import { openPortalAction } from './actions';
import { promptedFlows, type PromptedFlow } from './portal-flows';

function Submit() {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" disabled={pending} aria-disabled={pending}>
      {pending ? 'Opening Stripe…' : 'Continue to Stripe'}
    </Button>
  );
}

/**
 * A link cannot open Stripe's portal itself (a GET changes nothing): it lands here, one click from the
 * flow it asked for. The click posts the same server action as the plan's buttons.
 */
export function PortalFlowPrompt({ flow }: { flow: PromptedFlow }) {
  const [state, formAction] = useActionState(openPortalAction, idleFormState);
  return (
    <form action={formAction} className="card stack stack-sm" aria-labelledby="portal-flow-heading">
      <h2 id="portal-flow-heading">{promptedFlows[flow]}</h2>
      <input type="hidden" name="flow" value={flow} />
      <p className="hint">Stripe’s secure billing portal opens at this step; nothing changes until you confirm there.</p>
      <div className="row">
        <Submit />
      </div>
      {state.status === 'error' ? (
        <p role="alert" className="form-error">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
