'use server';

import { formAction } from '@/platform/actions/form-action';
import { staffResendInvitation, staffRevokeInvitation } from '../actions';

export const resendInvitationAction = formAction(staffResendInvitation, { asStaff: true, success: ({ invitation }) => `A new invitation link was sent to ${invitation.email}.` });

export const revokeInvitationAction = formAction(staffRevokeInvitation, { asStaff: true, success: ({ invitation }) => `The invitation to ${invitation.email} was revoked.` });
