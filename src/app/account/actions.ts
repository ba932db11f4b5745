'use server';

import { headers } from 'next/headers';
import { revalidatePath } from 'next/cache';
import {
  changeEmail,
  changePassword,
  disableTwoFactor,
  enableTwoFactor,
  revokeOtherSessions,
  revokeSession,
  updateProfile,
  verifyTwoFactor,
} from '@/modules/account/actions';
import type { z } from 'zod';
import type { ActionDefinition } from '@/platform/actions/define';
import { executeAction } from '@/platform/actions/execute';
import { formObject, toFormState } from '@/platform/actions/form-action';
import { currentActor } from '@/platform/auth/current';
import type { FormState } from '@/ui/form-state';

async function run<S extends z.ZodType, R, P>(action: ActionDefinition<S, R, P>, formData: FormData): Promise<R> {
  return executeAction(await currentActor(), action, formObject(formData), { headers: await headers() });
}

export async function updateProfileAction(_: FormState, formData: FormData): Promise<FormState> {
  return toFormState(async () => {
    await run(updateProfile, formData);
    revalidatePath('/account', 'layout');
    return 'Your name was saved.';
  });
}

export async function changeEmailAction(_: FormState, formData: FormData): Promise<FormState> {
  return toFormState(async () => {
    const { pendingEmail } = await run(changeEmail, formData);
    return `We sent a confirmation link to ${pendingEmail}. Your email changes when you follow it.`;
  });
}

// Changing the password and switching two-factor make Better Auth replace the session; the
// re-render reads the new cookie from the jar (platform/auth/current.ts), so no reload is needed.
export async function changePasswordAction(_: FormState, formData: FormData): Promise<FormState> {
  return toFormState(async () => {
    await run(changePassword, formData);
    revalidatePath('/account');
    return 'Your password was changed and your other sessions were signed out.';
  });
}

export async function startTwoFactorAction(_: FormState, formData: FormData): Promise<FormState> {
  return toFormState(async () => {
    const enrolment = await run(enableTwoFactor, formData);
    return { status: 'success', data: enrolment };
  });
}

export async function verifyTwoFactorAction(_: FormState, formData: FormData): Promise<FormState> {
  return toFormState(async () => {
    await run(verifyTwoFactor, formData);
    revalidatePath('/account');
    return 'Two-factor authentication is on.';
  });
}

export async function disableTwoFactorAction(_: FormState, formData: FormData): Promise<FormState> {
  return toFormState(async () => {
    await run(disableTwoFactor, formData);
    revalidatePath('/account');
    return 'Two-factor authentication is off.';
  });
}

export async function revokeSessionAction(_: FormState, formData: FormData): Promise<FormState> {
  return toFormState(async () => {
    await run(revokeSession, formData);
    revalidatePath('/account');
    return 'That session was signed out.';
  });
}

export async function revokeOtherSessionsAction(_: FormState, formData: FormData): Promise<FormState> {
  return toFormState(async () => {
    const { revoked } = await run(revokeOtherSessions, formData);
    revalidatePath('/account');
    return `${revoked} other session${revoked === 1 ? ' was' : 's were'} signed out.`;
  });
}
