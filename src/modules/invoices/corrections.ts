import { and, eq, max } from 'drizzle-orm';
import { invoiceCorrectionRules } from '@config/invoice-corrections';
import { fileTicket, ticketRef } from '@/modules/support/service';
import { defineAction, type ActionContext } from '@/platform/actions/define';
import { conflict, forbidden, notFound } from '@/platform/http/errors';
import { lockOrganizationForMember } from '@/platform/tenancy/lock';
import { billToNow, taxIdLabelOf } from './bill-to';
import { changedFields, judgeCorrection } from './correction-rules';
import { correctionRequestInput } from './inputs';
import { auditedCorrection, correctionView } from './correction-view';
import { emptyBillTo } from './revisions';
import { invoice, invoiceCorrection, invoiceRevision, type BillTo } from './schema';

type InvoiceRow = typeof invoice.$inferSelect;
type NewCorrection = typeof invoiceCorrection.$inferInsert;

const billToText = (b: BillTo) =>
  [b.companyName, ...b.addressLines, b.billingEmail ?? '', ...b.taxIds.map((t) => `${taxIdLabelOf(t.type)}: ${t.value}`)].filter(Boolean).map((line) => `  ${line}`).join('\n');

async function lockedInvoice(ctx: ActionContext, organizationId: string, invoiceId: string): Promise<InvoiceRow> {
  const [row] = await ctx.tx.select().from(invoice).where(and(eq(invoice.id, invoiceId), eq(invoice.organizationId, organizationId))).for('update');
  if (!row) throw notFound('Invoice');
  if (row.status === 'draft' || row.status === 'void') throw conflict(`A ${row.status} invoice cannot be corrected.`);
  const [pending] = await ctx.tx.select({ id: invoiceCorrection.id }).from(invoiceCorrection).where(and(eq(invoiceCorrection.invoiceId, row.id), eq(invoiceCorrection.status, 'awaiting_approval')));
  if (pending) throw conflict('A correction of this invoice already awaits approval.');
  return row;
}

/** The corrected copy: revision 1 (the original) is recorded with the first correction; the invoice then carries the new details. */
async function issueRevision(ctx: ActionContext, row: InvoiceRow, billTo: BillTo, now: Date): Promise<number> {
  const [last] = await ctx.tx.select({ n: max(invoiceRevision.revision) }).from(invoiceRevision).where(eq(invoiceRevision.invoiceId, row.id));
  const base = { invoiceId: row.id, organizationId: row.organizationId };
  if (!last?.n) await ctx.tx.insert(invoiceRevision).values({ id: crypto.randomUUID(), ...base, revision: 1, billTo: row.billTo ?? emptyBillTo, createdAt: row.issuedAt });
  const revision = (last?.n ?? 1) + 1;
  await ctx.tx.insert(invoiceRevision).values({ id: crypto.randomUUID(), ...base, revision, billTo, createdAt: now });
  await ctx.tx.update(invoice).set({ billTo, updatedAt: now }).where(eq(invoice.id, row.id));
  return revision;
}

/**
 * "Correct billing details on this invoice": the invoice is reissued with the bill-to details on
 * file now. A contract invoice within the rules gets a corrected revision at once; a Stripe invoice
 * waits for a lead; anything outside the rules becomes a support ticket in the billing details category.
 */
export const requestInvoiceCorrection = defineAction({
  name: 'invoices.correct',
  input: correctionRequestInput,
  async run(ctx, { invoiceId }) {
    const { actor, tx, emit } = ctx;
    if (actor.type !== 'user') throw forbidden();
    const me = await lockOrganizationForMember(tx, actor.organizationId, actor.userId);
    const row = await lockedInvoice(ctx, actor.organizationId, invoiceId);
    const before = row.billTo ?? emptyBillTo;
    const after = await billToNow(tx, actor.organizationId);
    const changed = changedFields(before, after);
    if (changed.length === 0) throw conflict('This invoice already shows the billing details on file. Change them on Billing first.');

    const now = new Date();
    const verdict = judgeCorrection(invoiceCorrectionRules, row, changed, now);
    const values: NewCorrection = {
      id: crypto.randomUUID(),
      organizationId: actor.organizationId,
      invoiceId: row.id,
      status: 'awaiting_approval',
      requestedByUserId: actor.userId,
      billToBefore: before,
      billToAfter: after,
      changedFields: changed,
      createdAt: now,
      updatedAt: now,
    };
    const ref = { organizationId: actor.organizationId, correctionId: values.id, invoiceId: row.id, number: row.number };
    if (verdict.kind === 'issue') {
      values.status = 'issued';
      values.revision = await issueRevision(ctx, row, after, now);
      emit('invoice_correction.issued', { ...ref, revision: values.revision });
    } else if (verdict.kind === 'ticket') {
      const { ticket } = await fileTicket(tx, {
        organizationId: actor.organizationId,
        subject: `Correct the billing details on invoice ${row.number ?? row.id}`,
        body: `Please reissue invoice ${row.number ?? row.id} with the billing details on file now.\n\n${verdict.reason}\n\nAs issued:\n${billToText(before)}\n\nOn file now:\n${billToText(after)}`,
        category: 'billing_details',
        createdByUserId: actor.userId,
        requesterEmail: actor.email,
        requesterName: me.actorName,
        source: 'portal',
        attemptId: null,
        autoAnswer: false,
      });
      values.status = 'ticket';
      values.ticketId = ticket.id;
      emit('ticket.created', { ...ticketRef(ticket), category: ticket.category, source: 'portal', autoAnswered: false });
    } else {
      emit('invoice_correction.requested', ref);
    }
    const [correction] = await tx.insert(invoiceCorrection).values(values).returning();
    return { result: { correction: correctionView(correction!) }, audit: { entityType: 'invoice_correction', entityId: correction!.id, after: auditedCorrection(correction!) } };
  },
});
