'use server';

import { invoiceQuery } from '@/modules/invoices/queries';
import { reportPayment, requestInvoiceCorrection } from '@/modules/invoices/service';
import type { Actor } from '@/platform/actions/actor';
import { executeQuery } from '@/platform/actions/execute-query';
import { formAction, formObject } from '@/platform/actions/form-action';
import { AppError } from '@/platform/http/errors';
import { formatMoney, toMajorUnits } from '@/ui/money';
import { toMinorUnits } from './amount';

/** The typed amount in the minor units of the invoice's own currency (read here, never taken from the form). */
async function minorAmount(actor: Actor | null, invoiceId: string, typed: string): Promise<number> {
  const { invoice } = await executeQuery(actor, invoiceQuery, { invoiceId });
  const minor = toMinorUnits(typed, invoice.currency);
  if (minor === null) throw new AppError('validation_failed', 'Some fields are not valid.', { amount: `Enter the amount in ${invoice.currency.toUpperCase()}, e.g. ${toMajorUnits(invoice.amountDue || invoice.total, invoice.currency)}.` });
  return minor;
}

/** "I paid by bank transfer": recorded for staff to confirm; the invoice then says so. */
export const reportPaymentAction = formAction(reportPayment, {
  async input(formData, actor) {
    const { invoiceId = '', reference, paidAt, amount: typed = '' } = formObject(formData);
    return { invoiceId, reference, paidAt, amount: typed.trim() ? await minorAmount(actor, invoiceId, typed) : undefined };
  },
  revalidate: [['/account/invoices', 'layout']],
  success: ({ invoice }) => `Thank you. We’ll confirm your payment of ${formatMoney(invoice.paymentReport!.amount, invoice.currency)} once it arrives.`,
});

const correctionOutcome: Record<string, string> = {
  issued: 'A corrected copy was issued. Download it below.',
  awaiting_approval: 'Your request was sent. The support team approves it, then you get the corrected invoice by email.',
  ticket: 'This correction needs a person: we opened a support ticket for you.',
};

/** "Correct billing details on this invoice", confirmed in a dialog. */
export const requestCorrectionAction = formAction(requestInvoiceCorrection, {
  revalidate: [['/account/invoices', 'layout']],
  success: ({ correction }) => correctionOutcome[correction.status] ?? 'Your request was sent.',
});
