import type { ReactNode } from 'react';
import type { CustomerOverview } from '@/modules/customers/service';
import type { InvoiceSummary } from '@/modules/invoices/service';
import { InvoiceStatus } from '@/modules/invoices/ui/invoice-status';
import { formatDate } from '@/ui/date';
import { EmptyState } from '@/ui/empty-state';
import { formatMoney } from '@/ui/money';
import { Table } from '@/ui/table';

/**
 * The most recent invoices with their payment state. `actions` is the slot of the staff actions on
 * an invoice (confirm a reported payment): given, the table gets a column for them.
 */
export function InvoicesSection({ overview, actions }: { overview: CustomerOverview; actions?: (invoice: InvoiceSummary) => ReactNode }) {
  return (
    <section className="card stack" aria-labelledby="invoices-heading">
      <h2 id="invoices-heading">Recent invoices</h2>
      <Table
        caption="Recent invoices"
        hideCaption
        columns={[
          { key: 'number', header: 'Invoice', rowHeader: true },
          { key: 'issued', header: 'Issued' },
          { key: 'total', header: 'Total', align: 'right' },
          { key: 'status', header: 'Status' },
          ...(actions ? [{ key: 'actions', header: <span className="sr-only">Actions</span>, align: 'right' as const }] : []),
        ]}
        rows={overview.invoices.map((i) => ({
          key: i.id,
          number: <span className="mono">{i.number ?? i.id}</span>,
          issued: formatDate(i.createdAt),
          total: formatMoney(i.total, i.currency),
          status: <InvoiceStatus status={i.status} paymentReported={i.paymentReported} />,
          actions: actions?.(i),
        }))}
        empty={<EmptyState title="No invoices yet" />}
      />
    </section>
  );
}
