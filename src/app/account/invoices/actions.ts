'use server';

import { headers } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { getInvoice, reportInvoicePayment } from '@/modules/invoices/service';
import { formObject, toFormState } from '@/platform/actions/form-action';
import { currentActor } from '@/platform/auth/current';
import { getDb } from '@/platform/db/client';
import { AppError } from '@/platform/http/errors';
import type { FormState } from '@/ui/form-state';
import { formatMoney, toMajorUnits } from '@/ui/money';
import { toMinorUnits } from './amount';

/** The typed amount in the minor units of the invoice's own currency (read here, never taken from the form). */
async function minorAmount(organizationId: string, invoiceId: string, typed: string): Promise<number> {
  const { currency, amountDue, total } = await getInvoice(await getDb(), organizationId, invoiceId);
  const minor = toMinorUnits(typed, currency);
  if (minor === null) throw new AppError('validation_failed', 'Some fields are not valid.', { amount: `Enter the amount in ${currency.toUpperCase()}, e.g. ${toMajorUnits(amountDue || total, currency)}.` });
  return minor;
}

/** "I paid by bank transfer": recorded for staff to confirm; the invoice then says so. */
export async function reportPaymentAction(_: FormState, formData: FormData): Promise<FormState> {
  return toFormState(async () => {
    const actor = await currentActor();
    const { invoiceId = '', reference, paidAt, amount: typed = '' } = formObject(formData);
    const amount = actor?.organizationId && typed.trim() ? await minorAmount(actor.organizationId, invoiceId, typed) : undefined;
    const { invoice } = await reportInvoicePayment(actor, { invoiceId, reference, paidAt, amount }, { headers: await headers() });
    revalidatePath('/account/invoices', 'layout');
    return `Thank you. We’ll confirm your payment of ${formatMoney(invoice.paymentReport!.amount, invoice.currency)} once it arrives.`;
  });
}
