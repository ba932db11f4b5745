import { sql } from 'drizzle-orm';
import { rowsOfPrepared } from '@/platform/db/prepared';
import type { Db } from '@/platform/db/types';
import type { MeteringSource } from './source';

/** The portal's own rollups (never the raw events): one primary-key range scan of the daily or the monthly rows. */
export function builtinSource(db: Db, organizationId: string): MeteringSource {
  return {
    name: 'builtin',
    async totals(meter, from, to, grain) {
      const rows = await rowsOfPrepared<{ bucket: string; value: string }>(
        db,
        grain === 'day'
          ? sql`select to_char(day, 'YYYY-MM-DD') as bucket, value::text as value from usage_daily
                where organization_id = ${organizationId} and meter = ${meter} and day >= ${from}::date and day < ${to}::date`
          : sql`select to_char(month, 'YYYY-MM-DD') as bucket, value::text as value from usage_monthly
                where organization_id = ${organizationId} and meter = ${meter} and month >= ${from}::date and month < ${to}::date`,
      );
      return new Map(rows.map((r) => [r.bucket, Number(r.value)]));
    },
  };
}
