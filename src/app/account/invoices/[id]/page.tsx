import Link from 'next/link';
import { notFound } from 'next/navigation';
import { invoiceScreenQuery } from '@/modules/invoices/queries';
import { correctionScreenQuery } from '@/modules/invoices/service';
import { InvoiceStatus } from '@/modules/invoices/ui/invoice-status';
import { readPage } from '@/platform/actions/read-page';
import { requirePortalSession } from '@/platform/auth/current';
import { buttonClassName } from '@/ui/button';
import { formatDate } from '@/ui/date';
import { formatMoney } from '@/ui/money';
import { formatPeriod, invoiceName } from '../format';
import { CorrectionSection } from './correction-section';
import { InvoiceLines } from './invoice-lines';
import { PaymentReportNotice } from './payment-report-notice';
import { ReportPaymentForm } from './report-payment-form';
import { portalPath, publicPath } from '@/platform/http/portal-path';

export const metadata = { title: 'Invoice' };

export default async function InvoicePage({ params }: { params: Promise<{ id: string }> }) {
  await requirePortalSession();
  // Another organization's invoice, no invoice at all, or no right to see invoices: not found either way.
  const read = await readPage(invoiceScreenQuery, { invoiceId: (await params).id });
  if (read.status !== 'ok') notFound();
  const { invoice, canReportPayment: canReport } = read.data;
  const correction = await readPage(correctionScreenQuery, { invoiceId: invoice.id });
  const name = invoiceName(invoice);

  return (
    <div className="stack stack-lg">
      <p>
        <Link href={portalPath('/account/invoices')}>← All invoices</Link>
      </p>
      <div className="page-header">
        <div>
          <h1>Invoice {name}</h1>
          <InvoiceStatus status={invoice.status} paymentReported={invoice.paymentReported} />
        </div>
        <a className={buttonClassName('secondary')} href={publicPath(`/api/account/invoices/${invoice.id}/pdf`)} download>
          Download PDF
        </a>
      </div>
      <PaymentReportNotice invoice={invoice} />
      <section className="card" aria-label="Summary">
        <dl className="facts">
          <div>
            <dt>Issued</dt>
            <dd>{formatDate(invoice.createdAt)}</dd>
          </div>
          <div>
            <dt>Period</dt>
            <dd>{formatPeriod(invoice.periodStart, invoice.periodEnd)}</dd>
          </div>
          {invoice.paidAt ? (
            <div>
              <dt>Paid on</dt>
              <dd>{formatDate(invoice.paidAt)}</dd>
            </div>
          ) : invoice.dueAt ? (
            <div>
              <dt>Due</dt>
              <dd>{formatDate(invoice.dueAt)}</dd>
            </div>
          ) : null}
          <div>
            <dt>Total</dt>
            <dd>
              <strong>{formatMoney(invoice.total, invoice.currency)}</strong>
            </dd>
          </div>
        </dl>
      </section>
      <section className="card stack" aria-labelledby="why-heading">
        <h2 id="why-heading">Why was I charged this much?</h2>
        <ul className="explanation">
          {invoice.explanation.map((sentence, index) => (
            <li key={index}>{sentence}</li>
          ))}
        </ul>
      </section>
      <InvoiceLines invoice={invoice} />
      {correction.status === 'ok' ? <CorrectionSection invoice={invoice} screen={correction.data} /> : null}
      {canReport ? <ReportPaymentForm invoice={invoice} today={new Date().toISOString().slice(0, 10)} /> : null}
    </div>
  );
}
