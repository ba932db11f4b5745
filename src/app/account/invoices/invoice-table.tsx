import Link from 'next/link';
import type { ReactNode } from 'react';
import type { InvoiceSummary } from '@/modules/invoices/service';
import { InvoiceStatus } from '@/modules/invoices/ui/invoice-status';
import { formatDate } from '@/ui/date';
import { formatMoney } from '@/ui/money';
import { Table } from '@/ui/table';
import { formatPeriod, invoiceName } from './format';
import { portalPath, publicPath } from '@/platform/http/portal-path';

/** The invoices of the range, newest first, each with its PDF. */
export function InvoiceTable({ invoices, caption, empty }: { invoices: InvoiceSummary[]; caption: string; empty: ReactNode }) {
  return (
    <Table
      caption={caption}
      hideCaption
      columns={[
        { key: 'number', header: 'Number', rowHeader: true },
        { key: 'issued', header: 'Date' },
        { key: 'period', header: 'Period' },
        { key: 'amount', header: 'Amount', align: 'right' },
        { key: 'status', header: 'Status' },
        { key: 'pdf', header: <span className="sr-only">Download</span>, align: 'right' },
      ]}
      rows={invoices.map((invoice) => ({
        key: invoice.id,
        number: (
          <Link href={portalPath(`/account/invoices/${invoice.id}`)} className="mono">
            {invoiceName(invoice)}
          </Link>
        ),
        issued: <span className="nowrap">{formatDate(invoice.createdAt)}</span>,
        period: <span className="nowrap">{formatPeriod(invoice.periodStart, invoice.periodEnd)}</span>,
        amount: <span className="nowrap">{formatMoney(invoice.total, invoice.currency)}</span>,
        status: <InvoiceStatus status={invoice.status} paymentReported={invoice.paymentReported} />,
        pdf: (
          <a className="btn btn-secondary btn-sm" href={publicPath(`/api/account/invoices/${invoice.id}/pdf`)} download aria-label={`Download PDF of invoice ${invoiceName(invoice)}`}>
            PDF
          </a>
        ),
      }))}
      empty={empty}
    />
  );
}
