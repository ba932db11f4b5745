import { sql } from 'drizzle-orm';
import type { Db } from '@/platform/db/types';
import type { MeteringSource } from './source';
import { rowsOf } from './sql';

/** The portal's own rollups (never the raw events): one index range scan per read. */
export function builtinSource(db: Db, organizationId: string): MeteringSource {
  return {
    name: 'builtin',
    async totals(meter, from, to, grain) {
      const bucket = grain === 'day' ? sql`day` : sql`date_trunc('month', day)::date`;
      const rows = await rowsOf<{ bucket: string; value: string }>(
        db,
        sql`select to_char(${bucket}, 'YYYY-MM-DD') as bucket, sum(value)::text as value
            from usage_daily
            where organization_id = ${organizationId} and meter = ${meter} and day >= ${from}::date and day < ${to}::date
            group by 1`,
      );
      return new Map(rows.map((r) => [r.bucket, Number(r.value)]));
    },
  };
}
