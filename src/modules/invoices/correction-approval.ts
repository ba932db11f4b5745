import { and, eq } from 'drizzle-orm';
import { organizationBilling } from '@/modules/billing/service';
import { getDb } from '@/platform/db/client';
import { defineAction } from '@/platform/actions/define';
import { customerInReach } from '@/platform/actions/staff-reach';
import type { Db } from '@/platform/db/types';
import { conflict, notFound } from '@/platform/http/errors';
import { organization } from '@/platform/tenancy/schema';
import { auditedCorrection, correctionView } from './correction-view';
import { correctionIdInput } from './inputs';
import { applyStripeInvoice } from './mirror';
import { invoice, invoiceCorrection } from './schema';
import { reissueAtStripe, type Reissued } from './stripe-reissue';

async function correctionWithInvoice(db: Db, correctionId: string) {
  const [row] = await db
    .select({ correction: invoiceCorrection, invoice, customerId: organization.stripeCustomerId })
    .from(invoiceCorrection)
    .innerJoin(invoice, eq(invoice.id, invoiceCorrection.invoiceId))
    .innerJoin(organization, eq(organization.id, invoiceCorrection.organizationId))
    .where(eq(invoiceCorrection.id, correctionId));
  return row;
}

type Prepared = { organizationId: string; reissued: (Reissued & { fetchedAt: Date }) | null };

/**
 * A lead approves a Stripe invoice's correction: the credit note and the new invoice are created at
 * Stripe first (Stripe cannot join the transaction), then recorded here. Approving a completed
 * correction again changes nothing; a retry after a failure reuses Stripe's first answers.
 */
export const approveInvoiceCorrection = defineAction({
  name: 'staff.invoice_corrections.approve',
  input: correctionIdInput,
  async prepare({ actor }, { correctionId }): Promise<Prepared> {
    const row = await correctionWithInvoice(await getDb(), correctionId);
    const organizationId = customerInReach(actor, row?.correction.organizationId, 'Invoice correction');
    const { correction, invoice: original, customerId } = row!;
    if (correction.status === 'completed') return { organizationId, reissued: null };
    if (correction.status !== 'awaiting_approval' || original.provider !== 'stripe' || !customerId) throw conflict('Only a Stripe invoice’s correction awaiting approval can be approved.');
    // Stripe makes the new invoice out to its customer as it is: the details edited here must be there first.
    const { profile } = await organizationBilling(await getDb(), organizationId);
    if ((profile?.stripePushFields ?? []).length > 0) throw conflict('The customer’s new billing details are still on their way to Stripe. Try again in a minute.');
    const fetchedAt = new Date();
    return { organizationId, reissued: { ...(await reissueAtStripe(correction.id, original, customerId)), fetchedAt } };
  },
  outsideChange: ({ organizationId, reissued }, { correctionId }) =>
    reissued ? { organizationId, entityType: 'invoice_correction', entityId: correctionId, after: { creditNoteId: reissued.creditNoteId, replacementStripeInvoiceId: reissued.replacement.stripeInvoiceId } } : null,
  async run({ actor, tx, emit }, { correctionId }, { organizationId, reissued }) {
    const [correction] = await tx.select().from(invoiceCorrection).where(and(eq(invoiceCorrection.id, correctionId), eq(invoiceCorrection.organizationId, organizationId))).for('update');
    if (!correction) throw notFound('Invoice correction');
    const audit = { organizationId, entityType: 'invoice_correction', entityId: correction.id, before: auditedCorrection(correction) };
    if (correction.status === 'completed' || !reissued) return { result: { correction: correctionView(correction) }, audit: { ...audit, after: auditedCorrection(correction) } };

    const staffId = actor.type === 'staff' ? actor.staffId : '';
    const now = new Date();
    const replacement = await applyStripeInvoice(tx, organizationId, reissued.replacement, reissued.fetchedAt);
    const [updated] = await tx
      .update(invoiceCorrection)
      .set({ status: 'completed', approvedByStaffId: staffId, approvedAt: now, creditNoteId: reissued.creditNoteId, replacementStripeInvoiceId: reissued.replacement.stripeInvoiceId, updatedAt: now })
      .where(eq(invoiceCorrection.id, correction.id))
      .returning();
    const [original] = await tx.select({ number: invoice.number }).from(invoice).where(eq(invoice.id, correction.invoiceId));
    const ref = { organizationId, correctionId: correction.id, invoiceId: correction.invoiceId, number: original?.number ?? null };
    emit('invoice_correction.approved', { ...ref, staffId });
    emit('invoice_correction.completed', { ...ref, creditNoteId: reissued.creditNoteId, replacementStripeInvoiceId: reissued.replacement.stripeInvoiceId });
    return { result: { correction: { ...correctionView(updated!), replacementInvoiceId: replacement?.id ?? null } }, audit: { ...audit, after: auditedCorrection(updated!) } };
  },
});
