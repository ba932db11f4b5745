import type { InvoiceDetail } from '@/modules/invoices/service';
import { formatMoney } from '@/ui/money';
import { Table } from '@/ui/table';
import { formatPeriod } from '../format';

/** What the invoice is made of, line by line, and how the lines add up. */
export function InvoiceLines({ invoice }: { invoice: InvoiceDetail }) {
  const money = (amount: number) => formatMoney(amount, invoice.currency);
  const totals: [string, number][] = [
    ['Subtotal', invoice.subtotal],
    ...(invoice.tax !== 0 ? [['Tax', invoice.tax] as [string, number]] : []),
    ['Total', invoice.total],
    ['Amount paid', invoice.amountPaid],
    ['Amount due', invoice.amountDue],
  ];
  return (
    <section className="card stack" aria-labelledby="lines-heading">
      <h2 id="lines-heading">Lines</h2>
      <Table
        caption="Invoice lines"
        hideCaption
        columns={[
          { key: 'description', header: 'Description', rowHeader: true },
          { key: 'period', header: 'Period' },
          { key: 'quantity', header: 'Quantity', align: 'right' },
          { key: 'unit', header: 'Unit price', align: 'right' },
          { key: 'amount', header: 'Amount', align: 'right' },
        ]}
        rows={invoice.lines.map((line, index) => ({
          key: String(index),
          description: (
            <span className="row">
              <span>{line.description}</span>
              {line.proration ? <span className="badge badge-warning">Proration</span> : null}
            </span>
          ),
          period: <span className="nowrap">{formatPeriod(line.periodStart, line.periodEnd)}</span>,
          quantity: line.quantity,
          unit: <span className="nowrap">{money(line.unitAmount)}</span>,
          amount: <span className="nowrap">{money(line.amount)}</span>,
        }))}
      />
      <dl className="facts facts-totals" aria-label="Totals">
        {totals.map(([label, amount]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{money(amount)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
