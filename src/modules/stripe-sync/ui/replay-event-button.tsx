'use client';

import { ConfirmActionForm } from '@/ui/confirm-action-form';
import { replayEventAction } from './form-actions';

/** The console's "Replay" on a stored Stripe event of a customer, after a confirmation. Lead only: show it to leads. */
export function ReplayEventButton({ organizationId, event }: { organizationId: string; event: { id: string; type: string } }) {
  return (
    <ConfirmActionForm
      action={replayEventAction}
      fields={{ organizationId, eventId: event.id }}
      size="sm"
      variant="secondary"
      title={`Replay ${event.type}?`}
      description="What the event is about is fetched from Stripe again and the customer’s billing brought up to date. Fix what made it fail first."
      confirmLabel="Replay"
      aria-label={`Replay Stripe event ${event.id}`}
    >
      Replay
    </ConfirmActionForm>
  );
}
