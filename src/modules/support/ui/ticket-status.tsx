import type { TicketStatus } from '../service';

const labels: Record<TicketStatus, { text: string; className: string }> = {
  open: { text: 'Open', className: 'badge badge-warning' },
  waiting_on_customer: { text: 'Waiting on you', className: 'badge' },
  solved: { text: 'Solved', className: 'badge badge-success' },
};

/** A ticket's status as a badge; `staff` words "waiting on customer" for the console. */
export function TicketStatusBadge({ status, staff = false }: { status: TicketStatus; staff?: boolean }) {
  const label = labels[status] ?? { text: status, className: 'badge' };
  return <span className={label.className}>{staff && status === 'waiting_on_customer' ? 'Waiting on customer' : label.text}</span>;
}
