'use server';

import { headers } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import {
  changeRole,
  inviteAndMail,
  leaveOrganization,
  removeMember,
  resendAndMail,
  revokeInvitation,
  transferOwnership,
} from '@/modules/team/service';
import { executeAction } from '@/platform/actions/execute';
import { formObject, toFormState } from '@/platform/actions/form-action';
import { currentActor } from '@/platform/auth/current';
import type { FormState } from '@/ui/form-state';
import { portalPath } from '@/platform/http/portal-path';

async function context() {
  return { actor: await currentActor(), options: { headers: await headers() } };
}

function done(message: string): string {
  revalidatePath('/account/team');
  return message;
}

export async function inviteAction(_: FormState, formData: FormData): Promise<FormState> {
  return toFormState(async () => {
    const { actor, options } = await context();
    const invitation = await inviteAndMail(actor, formObject(formData), options);
    return done(`Invitation sent to ${invitation.email}.`);
  });
}

export async function resendInvitationAction(_: FormState, formData: FormData): Promise<FormState> {
  return toFormState(async () => {
    const { actor, options } = await context();
    const invitation = await resendAndMail(actor, formObject(formData), options);
    return done(`A new invitation link was sent to ${invitation.email}.`);
  });
}

export async function revokeInvitationAction(_: FormState, formData: FormData): Promise<FormState> {
  return toFormState(async () => {
    const { actor, options } = await context();
    const { invitation } = await executeAction(actor, revokeInvitation, formObject(formData), options);
    return done(`The invitation to ${invitation.email} was revoked.`);
  });
}

/** Called from the role menu; the row already shows the new role and rolls back on an error. */
export async function changeRoleAction(memberId: string, role: string): Promise<FormState> {
  return toFormState(async () => {
    const { actor, options } = await context();
    const { member } = await executeAction(actor, changeRole, { memberId, role }, options);
    return done(`${member.name} is now ${member.role}.`);
  });
}

export async function removeMemberAction(_: FormState, formData: FormData): Promise<FormState> {
  return toFormState(async () => {
    const { actor, options } = await context();
    const { member } = await executeAction(actor, removeMember, formObject(formData), options);
    return done(`${member.name} was removed from the organization.`);
  });
}

export async function transferOwnershipAction(_: FormState, formData: FormData): Promise<FormState> {
  return toFormState(async () => {
    const { actor, options } = await context();
    const { newOwner } = await executeAction(actor, transferOwnership, formObject(formData), options);
    revalidatePath('/account', 'layout');
    return done(`${newOwner.name} now owns the organization. You are an admin.`);
  });
}

export async function leaveAction(_: FormState): Promise<FormState> {
  const state = await toFormState(async () => {
    const { actor, options } = await context();
    await executeAction(actor, leaveOrganization, {}, options);
  });
  if (state.status === 'error') return state;
  redirect(portalPath('/account'));
}
