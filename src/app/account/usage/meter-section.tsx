import { planLabels, type Plan } from '@config/plans';
import type { MeterSeries, MeterUsage } from '@/modules/usage/service';
import { Chart } from '@/ui/chart';
import { ProgressBar } from '@/ui/chart-progress';
import { publicPath } from '@/platform/http/portal-path';
import { formatDayMonth, formatMonth } from '@/ui/date';
import { formatNumber } from './format';

type Props = { usage: MeterUsage; daily: MeterSeries; monthly: MeterSeries; plan: string };

function csvHref(meter: string, range: string): string {
  return publicPath(`/api/account/usage/${meter}/export.csv?range=${range}`);
}

/** One meter: this period against the limit, 30 days, 12 months, the forecast and the CSVs. */
export function MeterSection({ usage, daily, monthly, plan }: Props) {
  const { meter, label, unit, used, limit, percent } = usage;
  const headingId = `meter-${meter}`;
  const value = (v: number) => `${formatNumber(v)} ${unit}`;
  return (
    <section className="card stack" aria-labelledby={headingId}>
      <div className="row row-between">
        <h2 id={headingId}>{label}</h2>
        <span className="muted small">this billing period</span>
      </div>
      {limit === null ? (
        <p>
          <strong>{value(used)}</strong> <span className="muted">— no limit on the {planLabels[plan as Plan] ?? plan} plan</span>
        </p>
      ) : (
        <>
          <p>
            <strong>
              {formatNumber(used)} / {formatNumber(limit)} {unit} — {percent} %
            </strong>
          </p>
          <ProgressBar label={`${label} used of the limit`} percent={percent ?? 0} />
        </>
      )}

      <h3>Last 30 days</h3>
      <Chart title={`${label} per day, last 30 days (UTC)`} kind="bar" points={daily.series.map((p) => ({ key: p.date, label: formatDayMonth(p.date), value: p.value }))} formatValue={formatNumber} labelEvery={7} />
      <h3>Last 12 months</h3>
      <Chart title={`${label} per month, last 12 months`} kind="line" points={monthly.series.map((p) => ({ key: p.date, label: formatMonth(p.date), value: p.value }))} formatValue={formatNumber} labelEvery={2} />

      <div className="stack-sm">
        <p>
          Forecast for the next period: <strong>{value(daily.forecastNextPeriod)}</strong>
          {limit !== null && daily.forecastNextPeriod > limit ? <span className="badge badge-warning"> over the limit</span> : null}
        </p>
        <p className="small muted">{daily.forecast.method}</p>
      </div>
      <p className="row">
        <a className="btn btn-secondary btn-sm" href={csvHref(meter, '30d')} download aria-label={`Download CSV of ${label}, last 30 days`}>
          Download CSV (30 days)
        </a>
        <a className="btn btn-secondary btn-sm" href={csvHref(meter, '12m')} download aria-label={`Download CSV of ${label}, last 12 months`}>
          Download CSV (12 months)
        </a>
      </p>
    </section>
  );
}
