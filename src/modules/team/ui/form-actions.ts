'use server';

import { executeAction } from '@/platform/actions/execute';
import { staffFormAction } from '@/platform/actions/staff-form-action';
import { staffRevokeInvitation } from '../actions';
import { staffResendAndMail } from '../service';

export const resendInvitationAction = staffFormAction(staffResendAndMail, (invitation) => `A new invitation link was sent to ${invitation.email}.`);

export const revokeInvitationAction = staffFormAction(
  (actor, input, options) => executeAction(actor, staffRevokeInvitation, input, options),
  ({ invitation }) => `The invitation to ${invitation.email} was revoked.`,
);
