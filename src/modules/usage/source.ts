import type { Meter } from '@config/usage';

export type Grain = 'day' | 'month';

/**
 * Where an organization's usage is read from. `totals` answers the usage of one meter per bucket
 * (a UTC day, or a calendar month in UTC) in [from, to), keyed by the bucket's first day
 * ('YYYY-MM-DD'); buckets without usage may be missing. For months, `from` and `to` are first days of months.
 */
export type MeteringSource = {
  name: 'builtin' | 'stripe';
  totals(meter: Meter, from: string, to: string, grain: Grain): Promise<Map<string, number>>;
};
