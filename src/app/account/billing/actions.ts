'use server';

import { addTaxId, openBillingPortal, removeTaxId, updateBillingDetails } from '@/modules/billing/service';
import { formAction, formObject } from '@/platform/actions/form-action';
import { billingDetailsOf } from './details-input';

const revalidate = ['/account/billing'];

export const saveDetailsAction = formAction(updateBillingDetails, {
  input: (formData) => billingDetailsOf(formObject(formData)),
  revalidate,
  success: () => 'Billing details saved. Your next invoice will show them.',
});

export const addTaxIdAction = formAction(addTaxId, {
  revalidate,
  success: ({ taxId }) => (taxId.verification === 'pending' ? `Tax ID ${taxId.value} added. Stripe is verifying it.` : `Tax ID ${taxId.value} added.`),
});

export const removeTaxIdAction = formAction(removeTaxId, { revalidate, success: () => 'Tax ID removed. Your next invoice will not show it.' });

/** Off to Stripe's billing portal at the chosen flow; an error stays on the page and changes nothing. */
export const openPortalAction = formAction(openBillingPortal, { input: (formData) => ({ flow: formData.get('flow') ?? undefined }), redirect: ({ url }) => url });
