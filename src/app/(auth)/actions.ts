'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { completeTwoFactorSignIn, requestPasswordReset, resetPassword, signIn, signUp } from '@/modules/account/sign-in';
import { formObject, toFormState } from '@/platform/actions/form-action';
import { safeNextPath } from '@/platform/http/redirect-target';
import type { FormState } from '@/ui/form-state';
import { portalPath } from '@/platform/http/portal-path';

export async function signInAction(_: FormState, formData: FormData): Promise<FormState> {
  const next = safeNextPath(formData.get('next')?.toString());
  let twoFactorRequired = false;
  const state = await toFormState(async () => {
    ({ twoFactorRequired } = await signIn(formObject(formData), await headers()));
  });
  if (state.status === 'error') return state;
  redirect(portalPath(twoFactorRequired ? `/two-factor?next=${encodeURIComponent(next)}` : next));
}

export async function signUpAction(_: FormState, formData: FormData): Promise<FormState> {
  const values = formObject(formData);
  const state = await toFormState(async () => signUp(values, await headers()));
  if (state.status === 'error') return state;
  redirect(portalPath(`/check-email?email=${encodeURIComponent(values.email ?? '')}`));
}

export async function twoFactorAction(_: FormState, formData: FormData): Promise<FormState> {
  const next = safeNextPath(formData.get('next')?.toString());
  const state = await toFormState(async () => completeTwoFactorSignIn(formObject(formData), await headers()));
  if (state.status === 'error') return state;
  redirect(portalPath(next));
}

export async function forgotPasswordAction(_: FormState, formData: FormData): Promise<FormState> {
  return toFormState(async () => {
    await requestPasswordReset(formObject(formData), await headers());
    return 'If an account exists for that address, a reset link is on its way.';
  });
}

export async function resetPasswordAction(_: FormState, formData: FormData): Promise<FormState> {
  const state = await toFormState(async () => resetPassword(formObject(formData), await headers()));
  if (state.status === 'error') return state;
  redirect(portalPath('/sign-in?notice=password-reset'));
}
