import type { CustomerOverview } from '@/modules/customers/service';
import { ProgressBar } from '@/ui/chart-progress';
import { formatNumber as amount } from '@/app/account/usage/format';
import { formatDate } from '@/ui/date';

/** This billing period's usage of each meter against the plan's limit. */
export function UsageSection({ overview }: { overview: CustomerOverview }) {
  const { usage } = overview;
  return (
    <section className="card stack" aria-labelledby="usage-heading">
      <h2 id="usage-heading">Usage this period</h2>
      {usage.meters === null ? (
        <p className="banner banner-warning">Usage is not available just now: {usage.problem}</p>
      ) : (
        <ul className="stack" aria-label="Meters">
          {usage.meters.map((m) => (
            <li key={m.meter} className="stack stack-sm">
              <span className="row row-between">
                <strong>{m.label}</strong>
                <span className="small">
                  {amount(m.used)} {m.limit === null ? `${m.unit} (no limit)` : `of ${amount(m.limit)} ${m.unit} (${m.percent} %)`}
                </span>
              </span>
              {m.percent !== null ? <ProgressBar label={`${m.label} used`} percent={m.percent} /> : null}
              <span className="small muted">
                {formatDate(m.period.start)} – {formatDate(m.period.end)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
