import Link from 'next/link';
import { correctionActionsFor, correctionStatuses, listCorrections, staffCorrectionsInput, type StaffCorrection } from '@/modules/invoices/service';
import { requireStaffPage } from '@/platform/auth/staff-session';
import { getDb } from '@/platform/db/client';
import { ConfirmActionForm } from '@/ui/confirm-action-form';
import { formatDate } from '@/ui/date';
import { Table } from '@/ui/table';
import { approveCorrectionAction } from './actions';

export const metadata = { title: 'Invoice corrections' };

const statusLabels: Record<(typeof correctionStatuses)[number], string> = {
  awaiting_approval: 'Awaiting approval',
  issued: 'Corrected copy issued',
  ticket: 'Sent to a ticket',
  completed: 'Credited and reissued',
};

function approveButton(c: StaffCorrection) {
  const name = c.invoice.number ?? c.invoiceId;
  return (
    <ConfirmActionForm
      action={approveCorrectionAction}
      fields={{ correctionId: c.id }}
      size="sm"
      title={`Credit and reissue invoice ${name}?`}
      description={`Stripe issues a credit note for the full amount of ${name} and a new invoice with ${c.organization.name}’s billing details on file now. This cannot be undone.`}
      confirmLabel="Approve"
      aria-label={`Approve the correction of invoice ${name}`}
    >
      Approve
    </ConfirmActionForm>
  );
}

/** The customers' requests to reissue an invoice with corrected bill-to details; leads approve Stripe ones. */
export default async function InvoiceCorrectionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireStaffPage('staff.invoice_corrections.read');
  const asked = (await searchParams).status;
  // An unknown status shows everything rather than an error: the filter is a link, not a form.
  const query = staffCorrectionsInput.catch({}).parse({ status: Array.isArray(asked) ? asked[0] : asked });
  const { corrections } = await listCorrections(await getDb(), query);
  const { approve } = correctionActionsFor(actor);
  const rows = corrections.map((c) => ({
    key: c.id,
    invoice: c.invoice.number ?? c.invoiceId,
    customer: <Link href={`/admin/customers/${encodeURIComponent(c.organization.id)}`}>{c.organization.name}</Link>,
    changed: c.changedFields.join(', '),
    requested: formatDate(c.createdAt),
    status: statusLabels[c.status],
    action: c.status === 'awaiting_approval' ? (approve ? approveButton(c) : <span className="muted small">A lead approves</span>) : null,
  }));
  return (
    <div className="stack stack-lg">
      <div className="page-header">
        <div>
          <h1>Invoice corrections</h1>
          <p className="muted">Customers’ requests to reissue an invoice with their billing details on file now. Stripe invoices wait for a lead’s approval. Newest first.</p>
        </div>
      </div>
      <nav className="row" aria-label="Filter by status">
        <Link href="/admin/invoice-corrections" aria-current={query.status === undefined ? 'page' : undefined}>
          All
        </Link>
        {correctionStatuses.map((status) => (
          <Link key={status} href={`/admin/invoice-corrections?status=${status}`} aria-current={query.status === status ? 'page' : undefined}>
            {statusLabels[status]}
          </Link>
        ))}
      </nav>
      <Table
        caption="Invoice corrections"
        hideCaption
        columns={[
          { key: 'invoice', header: 'Invoice', rowHeader: true },
          { key: 'customer', header: 'Customer' },
          { key: 'changed', header: 'Changed' },
          { key: 'requested', header: 'Requested' },
          { key: 'status', header: 'Status' },
          { key: 'action', header: 'Action', align: 'right' },
        ]}
        rows={rows}
        empty={<p className="muted">No corrections here.</p>}
      />
    </div>
  );
}
