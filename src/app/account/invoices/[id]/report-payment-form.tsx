import type { InvoiceDetail } from '@/modules/invoices/service';
import { ActionForm, Field } from '@/ui/action-form';
import { formatMoney, toMajorUnits } from '@/ui/money';
import { reportPaymentAction } from '../actions';

/** "I paid by bank transfer": reference, date and amount, for our staff to match and confirm. */
export function ReportPaymentForm({ invoice, today }: { invoice: InvoiceDetail; today: string }) {
  const code = invoice.currency.toUpperCase();
  return (
    <section className="card stack" aria-labelledby="report-heading">
      <h2 id="report-heading">I paid by bank transfer</h2>
      <p className="muted">Tell us about your transfer so that we can match it. The invoice stays open until the money arrives and we confirm it.</p>
      <ActionForm action={reportPaymentAction} submitLabel="Report payment" pendingLabel="Reporting…" label="Report a bank transfer">
        <input type="hidden" name="invoiceId" value={invoice.id} />
        <Field label="Transfer reference" name="reference" autoComplete="off" maxLength={200} required hint="As shown on your bank statement." />
        <div className="row stack-start">
          <Field label="Payment date" name="paidAt" type="date" max={today} defaultValue={today} required />
          <Field label={`Amount (${code})`} name="amount" inputMode="decimal" autoComplete="off" defaultValue={toMajorUnits(invoice.amountDue, invoice.currency)} required hint={`Amount due: ${formatMoney(invoice.amountDue, invoice.currency)}`} />
        </div>
      </ActionForm>
    </section>
  );
}
