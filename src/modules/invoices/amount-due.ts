/** What is still owed: a paid or void invoice is owed nothing, whatever was recorded as paid. */
export const amountDueOf = (invoice: { status: string; total: bigint; amountPaid: bigint }): bigint =>
  invoice.status === 'paid' || invoice.status === 'void' ? 0n : invoice.total - invoice.amountPaid;
