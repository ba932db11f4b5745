import { desc, eq } from 'drizzle-orm';
import type { CorrectableField } from '@config/invoice-corrections';
import type { Actor } from '@/platform/actions/actor';
import { permits } from '@/platform/actions/authorize';
import type { Db } from '@/platform/db/types';
import { organization } from '@/platform/tenancy/schema';
import { defineQuery } from '@/platform/actions/define-query';
import { billToNow } from './bill-to';
import { changedFields } from './correction-rules';
import { correctionView, type CorrectionView } from './correction-view';
import { invoiceIdInput, type StaffCorrectionsQuery } from './inputs';
import { invoiceOf } from './read';
import { emptyBillTo, revisionsOf, revisionViews, type RevisionView } from './revisions';
import { invoice, invoiceCorrection, type BillTo } from './schema';

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

export type StaffCorrection = CorrectionView & {
  organization: { id: string; name: string };
  invoice: { number: string | null; provider: string };
  changedFields: string[];
  approvedAt: string | null;
};

/** `GET /api/admin/invoice-corrections?status=`: the customers' requests, newest first. */
export async function listCorrections(db: Db, { status }: StaffCorrectionsQuery): Promise<{ corrections: StaffCorrection[] }> {
  const rows = await db
    .select({ correction: invoiceCorrection, organizationName: organization.name, number: invoice.number, provider: invoice.provider })
    .from(invoiceCorrection)
    .innerJoin(invoice, eq(invoice.id, invoiceCorrection.invoiceId))
    .innerJoin(organization, eq(organization.id, invoiceCorrection.organizationId))
    .where(status ? eq(invoiceCorrection.status, status) : undefined)
    .orderBy(desc(invoiceCorrection.createdAt))
    .limit(200);
  return {
    corrections: rows.map(({ correction, organizationName, number, provider }) => ({
      ...correctionView(correction),
      organization: { id: correction.organizationId, name: organizationName },
      invoice: { number, provider },
      changedFields: correction.changedFields,
      approvedAt: correction.approvedAt?.toISOString() ?? null,
    })),
  };
}

/** What the console offers the reader on the corrections page. */
export const correctionActionsFor = (actor: Actor) => ({ approve: permits(actor, 'staff.invoice_corrections.approve') });
