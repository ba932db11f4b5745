import type { invoiceCorrection } from './schema';

type CorrectionRow = typeof invoiceCorrection.$inferSelect;

/** A correction as the API answers it (`revision` and `ticketId` only when there is one). */
export type CorrectionView = {
  id: string;
  invoiceId: string;
  status: CorrectionRow['status'];
  revision?: number;
  ticketId?: string;
  createdAt: string;
};

export function correctionView(row: CorrectionRow): CorrectionView {
  return {
    id: row.id,
    invoiceId: row.invoiceId,
    status: row.status,
    ...(row.revision !== null ? { revision: row.revision } : {}),
    ...(row.ticketId !== null ? { ticketId: row.ticketId } : {}),
    createdAt: row.createdAt.toISOString(),
  };
}

/** What an audit row keeps of a correction: no names, addresses or tax IDs, only what changed. */
export const auditedCorrection = (row: CorrectionRow) => ({
  invoiceId: row.invoiceId,
  status: row.status,
  changedFields: row.changedFields,
  revision: row.revision,
  ticketId: row.ticketId,
  creditNoteId: row.creditNoteId,
  replacementStripeInvoiceId: row.replacementStripeInvoiceId,
});
