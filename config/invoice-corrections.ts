// When a customer may have an issued invoice reissued with the bill-to details on file now, without
// writing to support. A request outside these rules becomes a support ticket by itself.

export const correctableFields = ['companyName', 'billingEmail', 'address', 'taxIds'] as const;
export type CorrectableField = (typeof correctableFields)[number];

export type InvoiceCorrectionRules = {
  /** How far back, in calendar months from the issue date, an invoice may still be corrected. */
  maxAgeMonths: number;
  /** The fields a contract invoice's corrected copy may change at once, with nobody approving it. */
  fieldsWithoutApproval: readonly CorrectableField[];
};

/** Stripe invoices always wait for a lead: the correction there is a credit note and a new invoice. */
export const invoiceCorrectionRules: InvoiceCorrectionRules = {
  maxAgeMonths: 12,
  fieldsWithoutApproval: ['companyName', 'billingEmail', 'address', 'taxIds'],
};

export const correctableFieldLabels: Record<CorrectableField, string> = {
  companyName: 'company name',
  billingEmail: 'billing email',
  address: 'address',
  taxIds: 'tax IDs',
};
