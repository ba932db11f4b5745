'use server';

import { changeRole, inviteMember, leaveOrganization, removeMember, resendInvitation, revokeInvitation, transferOwnership } from '@/modules/team/service';
import { formAction } from '@/platform/actions/form-action';

const revalidate = ['/account/team'];

export const inviteAction = formAction(inviteMember, { revalidate, success: ({ invitation }) => `Invitation sent to ${invitation.email}.` });

export const resendInvitationAction = formAction(resendInvitation, { revalidate, success: ({ invitation }) => `A new invitation link was sent to ${invitation.email}.` });

export const revokeInvitationAction = formAction(revokeInvitation, { revalidate, success: ({ invitation }) => `The invitation to ${invitation.email} was revoked.` });

/** Called from the role menu; the row already shows the new role and rolls back on an error. */
export const changeRoleAction = formAction(changeRole, { revalidate, success: ({ member }) => `${member.name} is now ${member.role}.` });

export const removeMemberAction = formAction(removeMember, { revalidate, success: ({ member }) => `${member.name} was removed from the organization.` });

export const transferOwnershipAction = formAction(transferOwnership, {
  revalidate: [['/account', 'layout'], '/account/team'],
  success: ({ newOwner }) => `${newOwner.name} now owns the organization. You are an admin.`,
});

export const leaveAction = formAction(leaveOrganization, { redirect: () => '/account' });
