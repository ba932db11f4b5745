'use client';

import { ConfirmActionForm } from '@/ui/confirm-action-form';
import { resendInvitationAction, revokeInvitationAction } from './form-actions';

/** The console's "Resend" and "Revoke" on a customer's pending invitation, each after a confirmation. */
export function InvitationButtons({ organizationId, invitation }: { organizationId: string; invitation: { id: string; email: string } }) {
  const fields = { organizationId, invitationId: invitation.id };
  return (
    <div className="row nowrap">
      <ConfirmActionForm
        action={resendInvitationAction}
        fields={fields}
        size="sm"
        variant="secondary"
        title={`Resend the invitation to ${invitation.email}?`}
        description="A new link, valid for 7 days, is mailed in the name of the member who invited them. The old link stops working."
        confirmLabel="Resend"
        aria-label={`Resend invitation to ${invitation.email}`}
      >
        Resend
      </ConfirmActionForm>
      <ConfirmActionForm
        action={revokeInvitationAction}
        fields={fields}
        size="sm"
        variant="secondary"
        title={`Revoke the invitation to ${invitation.email}?`}
        description="The link in their email stops working. The customer sees this in their activity as yours."
        confirmLabel="Revoke"
        danger
        aria-label={`Revoke invitation to ${invitation.email}`}
      >
        Revoke
      </ConfirmActionForm>
    </div>
  );
}
