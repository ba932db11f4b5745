import Link from 'next/link';
import { notFound } from 'next/navigation';
import { can } from '@config/permissions';
import { getInvoice, type InvoiceDetail } from '@/modules/invoices/service';
import { requirePortalSession } from '@/platform/auth/current';
import { getDb } from '@/platform/db/client';
import { AppError } from '@/platform/http/errors';
import { buttonClassName } from '@/ui/button';
import { formatMoney } from '@/ui/money';
import { formatDate, formatPeriod, invoiceName } from '../format';
import { InvoiceStatus } from '../invoice-status';
import { InvoiceLines } from './invoice-lines';
import { PaymentReportNotice } from './payment-report-notice';
import { ReportPaymentForm } from './report-payment-form';
import { portalPath, publicPath } from '@/platform/http/portal-path';

export const metadata = { title: 'Invoice' };

/** Another organization's invoice, or no invoice at all: not found either way. */
async function invoiceOrNotFound(organizationId: string, id: string): Promise<InvoiceDetail> {
  try {
    return await getInvoice(await getDb(), organizationId, id);
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    throw error;
  }
}

export default async function InvoicePage({ params }: { params: Promise<{ id: string }> }) {
  const session = await requirePortalSession();
  if (!can(session.role, 'invoices.read')) notFound();
  const invoice = await invoiceOrNotFound(session.organization.id, (await params).id);
  const name = invoiceName(invoice);
  const canReport = invoice.status === 'open' && !invoice.paymentReport && can(session.role, 'invoices.report_payment');

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
      {canReport ? <ReportPaymentForm invoice={invoice} today={new Date().toISOString().slice(0, 10)} /> : null}
    </div>
  );
}
