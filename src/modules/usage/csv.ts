import { stringify } from 'csv-stringify/sync';
import type { Point } from './read';

/** The series as CSV, header `date,value`: the very numbers the chart and its table show. */
export function seriesCsv(series: Point[]): string {
  return stringify(series, { header: true, columns: ['date', 'value'] });
}
