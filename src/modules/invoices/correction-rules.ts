import { correctableFieldLabels, correctableFields, type CorrectableField, type InvoiceCorrectionRules } from '@config/invoice-corrections';
import type { BillTo } from './schema';

type Comparable = Record<CorrectableField, unknown>;

const comparable = (billTo: BillTo): Comparable => ({
  companyName: billTo.companyName.trim(),
  billingEmail: billTo.billingEmail?.trim().toLowerCase() ?? null,
  address: billTo.addressLines,
  taxIds: billTo.taxIds.map((t) => `${t.type}:${t.value}`).sort(),
});

/** The bill-to fields that differ between the invoice as issued and the details on file now. */
export function changedFields(issued: BillTo, now: BillTo): CorrectableField[] {
  const [before, after] = [comparable(issued), comparable(now)];
  return correctableFields.filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]));
}

export type CorrectionVerdict = { kind: 'issue' } | { kind: 'approval' } | { kind: 'ticket'; reason: string };

/** The first day an invoice issued at `issuedAt` can no longer be corrected in the portal. */
function correctableUntil(issuedAt: Date, months: number): Date {
  const until = new Date(issuedAt);
  until.setUTCMonth(until.getUTCMonth() + months);
  return until;
}

/**
 * What becomes of a request: issued at once (a contract invoice, within the rules), waiting for a
 * lead (a Stripe invoice), or a support ticket (outside the rules), with the reason a person reads.
 */
export function judgeCorrection(rules: InvoiceCorrectionRules, invoice: { provider: string; issuedAt: Date }, changed: CorrectableField[], now: Date): CorrectionVerdict {
  if (now >= correctableUntil(invoice.issuedAt, rules.maxAgeMonths)) {
    return { kind: 'ticket', reason: `The invoice was issued more than ${rules.maxAgeMonths} months ago, so the support team reissues it.` };
  }
  if (invoice.provider === 'stripe') return { kind: 'approval' };
  const needsPerson = changed.filter((field) => !rules.fieldsWithoutApproval.includes(field));
  if (needsPerson.length > 0) {
    return { kind: 'ticket', reason: `A change of the ${needsPerson.map((f) => correctableFieldLabels[f]).join(' and ')} on an issued invoice is made by the support team.` };
  }
  return { kind: 'issue' };
}
