'use client';

import { ConfirmActionForm } from '@/ui/confirm-action-form';
import type { InvoiceSummary } from '../read';
import { markPaidAction } from './form-actions';

/**
 * The console's "Mark paid" on a customer's open invoice (nothing for any other), after a
 * confirmation. `reference` (the one the customer reported, say) is kept in the audit row.
 */
export function MarkPaidButton({ organizationId, invoice, reference }: { organizationId: string; invoice: Pick<InvoiceSummary, 'id' | 'number' | 'status' | 'paymentReported' | 'provider'>; reference?: string }) {
  if (invoice.status !== 'open') return null;
  const name = invoice.number ?? invoice.id;
  return (
    <ConfirmActionForm
      action={markPaidAction}
      fields={{ organizationId, invoiceId: invoice.id, ...(reference ? { reference } : {}) }}
      size="sm"
      variant={invoice.paymentReported ? 'primary' : 'secondary'}
      title={`Mark invoice ${name} paid?`}
      description={`${invoice.provider === 'stripe' ? 'Stripe marks it paid outside Stripe (no charge is made). ' : ''}The customer sees the invoice as paid, and this confirmation in their activity as yours.`}
      confirmLabel="Mark paid"
      aria-label={`Mark invoice ${name} paid`}
    >
      {invoice.paymentReported ? 'Confirm payment' : 'Mark paid'}
    </ConfirmActionForm>
  );
}
