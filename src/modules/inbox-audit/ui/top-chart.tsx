import { formatMoney } from '@/ui/money';
import type { TopReason } from '../top';

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;

/** The top reasons as horizontal bars (plain CSS, no script), each with its numbers beside it. */
export function TopChart({ reasons }: { reasons: readonly TopReason[] }) {
  const most = Math.max(1, ...reasons.map((r) => r.tickets));
  return (
    <ol className="stack-sm" aria-label="Top reasons for contacting support" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {reasons.map((r) => (
        <li key={r.category} className="stack-sm">
          <div className="row row-between small">
            <span>
              <strong>
                {r.rank}. {r.label}
              </strong>{' '}
              {r.absorbable ? <span className="badge badge-success">Portal screen</span> : <span className="badge">Stays with support</span>}
            </span>
            <span className="muted">
              {r.tickets.toLocaleString('en')} tickets · {percent(r.share)} (cumulative {percent(r.cumulativeShare)}) · median{' '}
              {r.medianResolutionHours === null ? '—' : `${r.medianResolutionHours.toFixed(1)} h`} · {formatMoney(r.humanCost, r.currency)}
            </span>
          </div>
          <div aria-hidden="true" style={{ height: 12, borderRadius: 'var(--radius-full)', background: 'var(--color-border)', overflow: 'hidden' }}>
            <div style={{ width: `${(r.tickets / most) * 100}%`, height: '100%', background: r.absorbable ? 'var(--color-primary)' : 'var(--color-muted)' }} />
          </div>
        </li>
      ))}
    </ol>
  );
}
