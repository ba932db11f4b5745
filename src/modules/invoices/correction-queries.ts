import { desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { CorrectableField } from '@config/invoice-corrections';
import { permits } from '@/platform/actions/authorize';
import { defineQuery } from '@/platform/actions/define-query';
import { billToNow } from './bill-to';
import { changedFields } from './correction-rules';
import { correctionView, type CorrectionView } from './correction-view';
import { invoiceOf } from './read';
import { emptyBillTo, revisionsOf, revisionViews, type RevisionView } from './revisions';
import { invoiceCorrection, type BillTo } from './schema';

const invoiceIdInput = z.object({ invoiceId: z.string().min(1).max(256) });

/** `GET /api/account/invoices/{id}/revisions`: every issued version, oldest first; all but the latest superseded. */
export const invoiceRevisionsQuery = defineQuery({
  name: 'invoices.read',
  input: invoiceIdInput,
  async run({ db, organizationId }, { invoiceId }) {
    return { revisions: revisionViews(await revisionsOf(db, await invoiceOf(db, organizationId, invoiceId))) };
  },
});

export type CorrectionScreen = {
  issued: BillTo;
  onFile: BillTo;
  changed: CorrectableField[];
  revisions: RevisionView[];
  /** The newest request for this invoice, if any. */
  latest: CorrectionView | null;
  canCorrect: boolean;
};

/** The invoice page's correction section: the details as issued beside those on file now. */
export const correctionScreenQuery = defineQuery({
  name: 'invoices.read',
  input: invoiceIdInput,
  async run({ actor, db, organizationId }, { invoiceId }): Promise<CorrectionScreen> {
    const row = await invoiceOf(db, organizationId, invoiceId);
    const [revisions, onFile, [latest]] = await Promise.all([
      revisionsOf(db, row),
      billToNow(db, organizationId),
      db.select().from(invoiceCorrection).where(eq(invoiceCorrection.invoiceId, row.id)).orderBy(desc(invoiceCorrection.createdAt)).limit(1),
    ]);
    const issued = row.billTo ?? emptyBillTo;
    const correctable = row.status !== 'draft' && row.status !== 'void' && latest?.status !== 'awaiting_approval';
    return {
      issued,
      onFile,
      changed: changedFields(issued, onFile),
      revisions: revisionViews(revisions),
      latest: latest ? correctionView(latest) : null,
      canCorrect: correctable && permits(actor, 'invoices.correct'),
    };
  },
});
