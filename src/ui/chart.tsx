import { scaleBand, scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { Table } from './table';

export type ChartPoint = { key: string; label: string; value: number };

export type ChartProps = {
  /** Names the chart for assistive technology and captions its data table. */
  title: string;
  kind: 'bar' | 'line';
  points: ChartPoint[];
  formatValue: (value: number) => string;
  /** Label every n-th point on the x axis (all are in the data table). */
  labelEvery?: number;
  /** The values are counts: the axis shows no fractional ticks. */
  counts?: boolean;
  /** A moment marked with a dashed line: inside the slot of the point `key`, `at` (0..1) of its width in. */
  marker?: { key: string; at: number; label: string };
};

const WIDTH = 640;
const HEIGHT = 200;
const M = { top: 12, right: 12, bottom: 24, left: 64 };

/**
 * A server-rendered SVG chart (no client JavaScript), with its numbers in a table behind
 * "Show data" for anyone who cannot see the chart.
 */
export function Chart({ title, kind, points, formatValue, labelEvery = 1, counts = false, marker }: ChartProps) {
  const x = scaleBand<string>().domain(points.map((p) => p.key)).range([M.left, WIDTH - M.right]).padding(0.2);
  const max = Math.max(0, ...points.map((p) => p.value));
  const y = scaleLinear().domain([0, max || 1]).nice().range([HEIGHT - M.bottom, M.top]);
  const center = (key: string) => (x(key) ?? 0) + x.bandwidth() / 2;
  const path = line<ChartPoint>().x((p) => center(p.key)).y((p) => y(p.value))(points) ?? '';
  const markerX = marker && x(marker.key) !== undefined ? x(marker.key)! - (x.step() - x.bandwidth()) / 2 + marker.at * x.step() : null;
  return (
    <figure className="stack-sm" style={{ margin: 0 }}>
      <svg role="img" aria-label={`${title}. Maximum ${formatValue(max)}.${marker ? ` ${marker.label}.` : ''}`} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} style={{ width: '100%', height: 'auto', display: 'block' }}>
        {y.ticks(4).filter((tick) => !counts || Number.isInteger(tick)).map((tick) => (
          <g key={tick} aria-hidden="true">
            <line x1={M.left} x2={WIDTH - M.right} y1={y(tick)} y2={y(tick)} stroke="var(--color-border)" />
            <text x={M.left - 8} y={y(tick)} dy="0.32em" textAnchor="end" fontSize="11" fill="var(--color-muted)">
              {formatValue(tick)}
            </text>
          </g>
        ))}
        {kind === 'bar' ? (
          points.map((p) => (
            <rect key={p.key} x={x(p.key)} y={y(p.value)} width={x.bandwidth()} height={Math.max(0, y(0) - y(p.value))} fill="var(--color-primary)" rx="2">
              <title>{`${p.label}: ${formatValue(p.value)}`}</title>
            </rect>
          ))
        ) : (
          <>
            <path d={path} fill="none" stroke="var(--color-primary)" strokeWidth="2" />
            {points.map((p) => (
              <circle key={p.key} cx={center(p.key)} cy={y(p.value)} r="3.5" fill="var(--color-primary)">
                <title>{`${p.label}: ${formatValue(p.value)}`}</title>
              </circle>
            ))}
          </>
        )}
        {markerX !== null ? (
          <g aria-hidden="true">
            <line x1={markerX} x2={markerX} y1={M.top} y2={HEIGHT - M.bottom} stroke="var(--color-text)" strokeDasharray="4 3" />
            <text x={markerX + 4} y={M.top + 10} fontSize="11" fill="var(--color-text)">
              {marker!.label}
            </text>
          </g>
        ) : null}
        {points.map((p, i) =>
          (points.length - 1 - i) % labelEvery === 0 ? (
            <text key={p.key} aria-hidden="true" x={center(p.key)} y={HEIGHT - 6} textAnchor="middle" fontSize="11" fill="var(--color-muted)">
              {p.label}
            </text>
          ) : null,
        )}
      </svg>
      <details>
        <summary className="small">Show data</summary>
        <Table
          caption={title}
          hideCaption
          stack={false}
          columns={[
            { key: 'label', header: 'Date', rowHeader: true },
            { key: 'value', header: 'Value', align: 'right' },
          ]}
          rows={points.map((p) => ({ key: p.key, label: p.label, value: formatValue(p.value) }))}
        />
      </details>
    </figure>
  );
}
