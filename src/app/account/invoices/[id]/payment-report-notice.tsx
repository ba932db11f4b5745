import type { InvoiceDetail } from '@/modules/invoices/service';
import { formatMoney } from '@/ui/money';
import { formatDate } from '@/ui/date';

/** A reported bank transfer: awaiting confirmation while the invoice is open, then history. */
export function PaymentReportNotice({ invoice }: { invoice: InvoiceDetail }) {
  const report = invoice.paymentReport;
  if (!report) return null;
  const details = `Reference ${report.reference}, paid on ${formatDate(report.paidAt)}, ${formatMoney(report.amount, invoice.currency)}. Reported by ${report.reportedBy} on ${formatDate(report.reportedAt)}.`;
  if (invoice.status !== 'open') {
    return <p className="muted small">Bank transfer reported: {details}</p>;
  }
  return (
    <div className="banner" role="status">
      <p>
        <strong>Payment reported — awaiting confirmation.</strong> {details}
      </p>
      <p className="small">We mark the invoice paid as soon as the transfer arrives.</p>
    </div>
  );
}
