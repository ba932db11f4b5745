'use server';

import { headers } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { addOrganizationTaxId, changeBillingDetails, createBillingPortalSession, removeOrganizationTaxId } from '@/modules/billing/service';
import { formObject, toFormState } from '@/platform/actions/form-action';
import { currentActor } from '@/platform/auth/current';
import type { FormState } from '@/ui/form-state';
import { billingDetailsOf } from './details-input';

async function context() {
  return { actor: await currentActor(), options: { headers: await headers() } };
}

function done(message: string): string {
  revalidatePath('/account/billing');
  return message;
}

export async function saveDetailsAction(_: FormState, formData: FormData): Promise<FormState> {
  return toFormState(async () => {
    const { actor, options } = await context();
    await changeBillingDetails(actor, billingDetailsOf(formObject(formData)), options);
    return done('Billing details saved. Your next invoice will show them.');
  });
}

export async function addTaxIdAction(_: FormState, formData: FormData): Promise<FormState> {
  return toFormState(async () => {
    const { actor, options } = await context();
    const { taxId } = await addOrganizationTaxId(actor, formObject(formData), options);
    return done(taxId.verification === 'pending' ? `Tax ID ${taxId.value} added. Stripe is verifying it.` : `Tax ID ${taxId.value} added.`);
  });
}

export async function removeTaxIdAction(_: FormState, formData: FormData): Promise<FormState> {
  return toFormState(async () => {
    const { actor, options } = await context();
    await removeOrganizationTaxId(actor, formObject(formData), options);
    return done('Tax ID removed. Your next invoice will not show it.');
  });
}

/** Off to Stripe's billing portal at the chosen flow; an error stays on the page and changes nothing. */
export async function openPortalAction(_: FormState, formData: FormData): Promise<FormState> {
  let url = '';
  const state = await toFormState(async () => {
    const { actor, options } = await context();
    ({ url } = await createBillingPortalSession(actor, { flow: formData.get('flow') ?? undefined }, options));
  });
  if (state.status === 'error') return state;
  redirect(url);
}
