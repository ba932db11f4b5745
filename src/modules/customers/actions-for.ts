import type { Actor } from '@/platform/actions/actor';
import { permits } from '@/platform/actions/authorize';

export type CustomerActions = { markPaid: boolean; invitations: boolean; replayEvents: boolean; syncFromStripe: boolean };

/** Which staff actions the customer page offers this staff member (the actions check again when run). */
export function customerActionsFor(actor: Actor): CustomerActions {
  return {
    markPaid: permits(actor, 'staff.invoices.mark_paid'),
    invitations: permits(actor, 'staff.invitations.resend') && permits(actor, 'staff.invitations.revoke'),
    replayEvents: permits(actor, 'staff.stripe_events.replay'),
    syncFromStripe: permits(actor, 'staff.stripe.sync'),
  };
}
