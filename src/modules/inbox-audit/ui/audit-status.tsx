import { formatDate } from '@/ui/date';
import type { AuditView } from '../queries';

/** A run's state as a badge. */
export function AuditStatus({ audit }: { audit: AuditView }) {
  if (audit.status === 'ready') return <span className="badge badge-success">Ready</span>;
  if (audit.status === 'failed') return <span className="badge badge-danger">Failed</span>;
  return <span className="badge badge-warning">Importing {Math.round(audit.progress * 100)}%</span>;
}

/** The days the run's tickets were opened on. */
export function auditPeriod(audit: Pick<AuditView, 'from' | 'to'>): string {
  return audit.from && audit.to ? `${formatDate(audit.from)} – ${formatDate(audit.to)}` : '—';
}
