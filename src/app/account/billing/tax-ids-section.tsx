import type { ReactNode } from 'react';
import { taxIdExamples, taxIdLabels, taxIdTypes, type TaxIdView } from '@/modules/billing/service';
import { ActionForm } from '@/ui/action-form';
import { ConfirmActionForm } from '@/ui/confirm-action-form';
import { EmptyState } from '@/ui/empty-state';
import { Table } from '@/ui/table';
import { addTaxIdAction, removeTaxIdAction } from './actions';
import { TaxIdFields } from './tax-id-fields';

const verifications: Record<string, { label: string; tone?: 'success' | 'warning' | 'danger' }> = {
  verified: { label: 'Verified', tone: 'success' },
  pending: { label: 'Verification pending', tone: 'warning' },
  unverified: { label: 'Unverified', tone: 'danger' },
  unavailable: { label: 'Verification unavailable' },
};

/** Null, not an empty element, for an unverified kind: the table leaves that cell out of a stacked row. */
function verificationBadge(verification: string): ReactNode {
  const known = verifications[verification];
  if (!known) return null; // not_applicable: nobody verifies tax IDs outside Stripe
  return <span className={known.tone ? `badge badge-${known.tone}` : 'badge'}>{known.label}</span>;
}

const labelOf = (type: string) => taxIdLabels[type as keyof typeof taxIdLabels] ?? type;

/** The tax IDs printed on the invoices: listed, added with a format check, removed after a confirmation. */
export function TaxIdsSection({ taxIds, canAdd, canRemove }: { taxIds: TaxIdView[]; canAdd: boolean; canRemove: boolean }) {
  // Labels and examples are worked out here: the format library stays on the server.
  const options = taxIdTypes.map((type) => ({ type, label: taxIdLabels[type], example: taxIdExamples[type] }));
  return (
    <section className="card stack" aria-labelledby="tax-ids-heading">
      <h2 id="tax-ids-heading">Tax IDs</h2>
      <p className="muted">Shown on your invoices, so that you can reclaim the tax or be charged without it.</p>
      <Table
        caption="Tax IDs"
        hideCaption
        columns={[
          { key: 'value', header: 'Number', rowHeader: true },
          { key: 'type', header: 'Type' },
          { key: 'verification', header: 'Verification' },
          { key: 'actions', header: <span className="sr-only">Actions</span>, align: 'right' },
        ]}
        rows={taxIds.map((t) => ({
          key: t.id,
          value: <span className="mono">{t.value}</span>,
          type: labelOf(t.type),
          verification: verificationBadge(t.verification),
          actions: canRemove ? (
            <ConfirmActionForm
              action={removeTaxIdAction}
              fields={{ taxIdId: t.id }}
              size="sm"
              variant="secondary"
              title={`Remove ${labelOf(t.type)} ${t.value}?`}
              description="Your future invoices will not show it. Invoices already issued keep it."
              confirmLabel="Remove tax ID"
              danger
              aria-label={`Remove tax ID ${t.value}`}
            >
              Remove
            </ConfirmActionForm>
          ) : null,
        }))}
        empty={<EmptyState title="No tax IDs on file" description={canAdd ? 'Add your VAT number or other tax ID below.' : undefined} />}
      />
      {canAdd ? (
        <ActionForm action={addTaxIdAction} submitLabel="Add tax ID" pendingLabel="Adding…" resetOnSuccess label="Add a tax ID">
          <TaxIdFields options={options} />
        </ActionForm>
      ) : null}
    </section>
  );
}
