import Link from 'next/link';
import type { CorrectionScreen, InvoiceDetail } from '@/modules/invoices/service';
import { taxIdLabelOf } from '@/modules/invoices/service';
import { portalPath, publicPath } from '@/platform/http/portal-path';
import { ConfirmActionForm } from '@/ui/confirm-action-form';
import { formatDate } from '@/ui/date';
import { Table } from '@/ui/table';
import { requestCorrectionAction } from '../actions';

type BillTo = CorrectionScreen['issued'];

const none = <span className="muted">—</span>;

const fields: { key: CorrectionScreen['changed'][number]; label: string; show: (b: BillTo) => React.ReactNode }[] = [
  { key: 'companyName', label: 'Company name', show: (b) => b.companyName || none },
  { key: 'address', label: 'Address', show: (b) => (b.addressLines.length ? b.addressLines.join(', ') : none) },
  { key: 'billingEmail', label: 'Billing email', show: (b) => b.billingEmail ?? none },
  { key: 'taxIds', label: 'Tax IDs', show: (b) => (b.taxIds.length ? b.taxIds.map((t) => `${taxIdLabelOf(t.type)}: ${t.value}`).join(', ') : none) },
];

function CorrectionStatus({ screen }: { screen: CorrectionScreen }) {
  const latest = screen.latest;
  if (!latest) return null;
  if (latest.status === 'awaiting_approval') {
    return (
      <div className="banner" role="status">
        <p>
          <strong>Awaiting approval.</strong> The support team reviews your request; a credit note and a new invoice with your current details follow, and you are told by email.
        </p>
      </div>
    );
  }
  if (latest.status === 'ticket' && latest.ticketId) {
    return (
      <div className="banner" role="status">
        <p>
          <strong>Sent to the support team.</strong> This correction is outside what the portal can do by itself.{' '}
          <Link href={portalPath(`/account/support/${encodeURIComponent(latest.ticketId)}`)}>Follow the ticket</Link>
        </p>
      </div>
    );
  }
  if (latest.status === 'completed') return <p className="muted small">This invoice was credited and replaced by a new invoice with your current details.</p>;
  return null;
}

function Revisions({ invoice, screen }: { invoice: InvoiceDetail; screen: CorrectionScreen }) {
  if (screen.revisions.length < 2) return null;
  const rows = [...screen.revisions].reverse().map((r) => ({
    key: String(r.revision),
    revision: r.revision === 1 ? 'Original' : `Revision ${r.revision}`,
    issued: formatDate(r.createdAt),
    billTo: r.billTo.companyName,
    status: r.superseded ? <span className="badge">Superseded</span> : <span className="badge badge-success">Current</span>,
    download: (
      <a href={publicPath(`/api/account/invoices/${invoice.id}/pdf?revision=${r.revision}`)} download>
        Download PDF<span className="sr-only"> of {r.revision === 1 ? 'the original' : `revision ${r.revision}`}</span>
      </a>
    ),
  }));
  return (
    <Table
      caption="Issued versions"
      columns={[
        { key: 'revision', header: 'Version', rowHeader: true },
        { key: 'issued', header: 'Issued' },
        { key: 'billTo', header: 'Made out to' },
        { key: 'status', header: 'Status' },
        { key: 'download', header: 'PDF', align: 'right' },
      ]}
      rows={rows}
    />
  );
}

/** "Correct billing details on this invoice": the details as issued beside those on file now, and the request. */
export function CorrectionSection({ invoice, screen }: { invoice: InvoiceDetail; screen: CorrectionScreen }) {
  const changed = new Set(screen.changed);
  const stripe = invoice.provider === 'stripe';
  const rows = fields.map((f) => ({
    key: f.key,
    field: f.label,
    issued: f.show(screen.issued),
    onFile: (
      <>
        {f.show(screen.onFile)} {changed.has(f.key) ? <span className="badge badge-warning">Changed</span> : null}
      </>
    ),
  }));
  return (
    <section className="card stack" aria-labelledby="correct-heading">
      <h2 id="correct-heading">Correct billing details on this invoice</h2>
      <p className="muted">
        {stripe
          ? 'The support team approves a correction of this invoice; it is then credited in full and replaced by a new invoice with the details on file. Amounts do not change.'
          : 'A corrected copy keeps the number and the amounts, and shows the details on file now. The original stays available, marked superseded.'}
      </p>
      <CorrectionStatus screen={screen} />
      <Table
        caption="Billing details as issued and on file now"
        hideCaption
        columns={[
          { key: 'field', header: 'Detail', rowHeader: true },
          { key: 'issued', header: 'As issued' },
          { key: 'onFile', header: 'On file now' },
        ]}
        rows={rows}
      />
      {changed.size === 0 ? (
        <p className="muted small">
          This invoice already shows the details on file. To correct it, first <Link href={portalPath('/account/billing')}>change your billing details</Link>.
        </p>
      ) : screen.canCorrect ? (
        <div>
          <ConfirmActionForm
            action={requestCorrectionAction}
            fields={{ invoiceId: invoice.id }}
            variant="primary"
            title="Request a corrected invoice?"
            description={
              stripe
                ? 'The support team approves it; then this invoice is credited in full and a new one is issued with the details on file now.'
                : 'A corrected copy is issued at once with the details on file now; the original is kept and marked superseded.'
            }
            confirmLabel="Request corrected copy"
          >
            Request corrected copy
          </ConfirmActionForm>
        </div>
      ) : null}
      <Revisions invoice={invoice} screen={screen} />
    </section>
  );
}
