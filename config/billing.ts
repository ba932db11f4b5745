// Who issues the invoices the portal renders itself (contract customers): the SaaS company running
// Deflect. Edit it here; it is printed at the top of every such invoice.
export const invoiceSeller = {
  name: 'Deflect Demo SaaS Ltd',
  email: 'billing@deflect.example',
  addressLines: ['1 Example Street', 'London EC1A 1AA', 'United Kingdom'],
  taxIds: [{ label: 'UK VAT number', value: 'GB980780684' }],
};

/** At most this many invoices go into one ZIP download; a larger range is refused with a 422. */
export const MAX_INVOICES_PER_ARCHIVE = 500;
