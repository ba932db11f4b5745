const statuses: Record<string, { label: string; tone?: 'success' | 'warning' | 'danger' }> = {
  paid: { label: 'Paid', tone: 'success' },
  open: { label: 'Open', tone: 'warning' },
  uncollectible: { label: 'Uncollectible', tone: 'danger' },
  void: { label: 'Void' },
  draft: { label: 'Draft' },
};

/** An invoice's status, and whether a bank transfer for it awaits confirmation. */
export function InvoiceStatus({ status, paymentReported }: { status: string; paymentReported: boolean }) {
  const known = statuses[status] ?? { label: status };
  return (
    <span className="row nowrap">
      <span className={known.tone ? `badge badge-${known.tone}` : 'badge'}>{known.label}</span>
      {paymentReported ? <span className="badge">Payment reported</span> : null}
    </span>
  );
}
