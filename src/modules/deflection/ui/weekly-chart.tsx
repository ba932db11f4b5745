import { Chart } from '@/ui/chart';
import { formatDate, formatDayMonth } from '@/ui/date';
import type { DeflectionFigures } from '../figures';
import { formatCount } from './format';

const WEEK_MS = 7 * 86_400_000;
const AXIS_LABELS = 8;

/** Where the launch falls among the weeks: the week it is in and how far into it; none outside them. */
export function launchMarker(figures: DeflectionFigures) {
  const first = figures.weekly[0];
  if (!figures.launchedAt || !first) return undefined;
  const offset = (Date.parse(figures.launchedAt) - Date.parse(first.start)) / WEEK_MS;
  const week = figures.weekly[Math.floor(offset)];
  return offset >= 0 && week ? { key: week.start, at: offset - Math.floor(offset), label: `Launch ${formatDate(figures.launchedAt)}` } : undefined;
}

/** Tickets per week of one category (or of all), the screen's launch marked. */
export function WeeklyChart({ figures }: { figures: DeflectionFigures }) {
  const points = figures.weekly.map((w) => ({ key: w.start, label: formatDayMonth(w.start), value: w.tickets }));
  return (
    <Chart
      title={`Tickets per week: ${figures.label}`}
      kind="bar"
      points={points}
      formatValue={formatCount}
      counts
      labelEvery={Math.max(1, Math.ceil(points.length / AXIS_LABELS))}
      marker={launchMarker(figures)}
    />
  );
}
