'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { completeStaffTwoFactor, setUpStaff, signInStaff, signOutStaff, startStaffEnrolment, verifyStaffEnrolment } from '@/modules/staff/service';
import { formObject, toFormState } from '@/platform/actions/form-action';
import { headersWithCookieJar } from '@/platform/auth/jar-headers';
import { STAFF_ENROL_PAGE } from '@/platform/auth/staff-session';
import { STAFF_SIGN_IN_PAGE } from '@/platform/auth/staff-auth';
import { safeStaffPath } from '@/platform/http/redirect-target';
import type { FormState } from '@/ui/form-state';

const nextOf = (formData: FormData) => safeStaffPath(formData.get('next')?.toString());
const withNext = (page: string, next: string) => `${page}?next=${encodeURIComponent(next)}`;

export async function staffSignInAction(_: FormState, formData: FormData): Promise<FormState> {
  const next = nextOf(formData);
  let twoFactorRequired = false;
  const state = await toFormState(async () => {
    ({ twoFactorRequired } = await signInStaff(formObject(formData), await headers()));
  });
  if (state.status === 'error') return state;
  // Without two-factor yet, the password opened only the enrolment: no console page before it.
  redirect(withNext(twoFactorRequired ? `${STAFF_SIGN_IN_PAGE}/two-factor` : STAFF_ENROL_PAGE, next));
}

export async function staffTwoFactorAction(_: FormState, formData: FormData): Promise<FormState> {
  const next = nextOf(formData);
  const state = await toFormState(async () => completeStaffTwoFactor(formObject(formData), await headers()));
  if (state.status === 'error') return state;
  redirect(next);
}

export async function setUpAction(_: FormState, formData: FormData): Promise<FormState> {
  return toFormState(async () => ({ status: 'success', data: await setUpStaff(formObject(formData), await headers()) }));
}

export async function startEnrolmentAction(_: FormState, formData: FormData): Promise<FormState> {
  return toFormState(async () => ({ status: 'success', data: await startStaffEnrolment(formObject(formData), await headersWithCookieJar()) }));
}

export async function verifyEnrolmentAction(_: FormState, formData: FormData): Promise<FormState> {
  const next = nextOf(formData);
  const state = await toFormState(async () => verifyStaffEnrolment(formObject(formData), await headersWithCookieJar()));
  if (state.status === 'error') return state;
  redirect(next);
}

export async function staffSignOutAction(): Promise<void> {
  await signOutStaff(await headers());
  redirect(`${STAFF_SIGN_IN_PAGE}?notice=signed-out`);
}
