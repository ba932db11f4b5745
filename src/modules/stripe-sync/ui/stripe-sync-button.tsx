'use client';

import { ConfirmActionForm } from '@/ui/confirm-action-form';
import { stripeSyncAction } from './form-actions';

/** The console's "Re-sync from Stripe" for a customer billed through Stripe, after a confirmation. Lead only: show it to leads. */
export function StripeSyncButton({ organizationId }: { organizationId: string }) {
  return (
    <ConfirmActionForm
      action={stripeSyncAction}
      fields={{ organizationId }}
      size="sm"
      variant="secondary"
      title="Re-sync this customer from Stripe?"
      description="The subscription, every invoice, the card and the billing details are fetched from Stripe and the portal’s copy brought up to date."
      confirmLabel="Re-sync"
    >
      Re-sync from Stripe
    </ConfirmActionForm>
  );
}
