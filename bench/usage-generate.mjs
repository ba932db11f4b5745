// Usage data set for the usage benches: organizations, raw events and their daily and monthly rollups, written
// by PostgreSQL itself (generate_series), in chunks, into an already migrated database.
//   node bench/usage-generate.mjs --database-url postgres://… [--orgs 10000] [--events 50000000]
//                                 [--days 365] [--focus-org <organization id>]
// Full size is 10,000 organizations and 50 million events; CI uses e.g. --orgs 200 --events 500000.
// The focus organization (the read bench's) gets one event per meter and day on top, so that its
// 12-month series is full whatever the sizes.
import path from 'node:path';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { fmt } from './lib.mjs';

const require = createRequire(path.join(process.cwd(), 'package.json'));
const CHUNK = 1_000_000;
/** The tail of a statement whose CTE `ins` returned the stored events: adds them to the daily and monthly rollups. */
const ROLL_UP = `, daily as (
           insert into usage_daily (organization_id, meter, day, value)
           select organization_id, meter, day, sum(value) from ins group by 1, 2, 3
           on conflict (organization_id, meter, day) do update set value = usage_daily.value + excluded.value)
         insert into usage_monthly (organization_id, meter, month, value)
         select organization_id, meter, date_trunc('month', day)::date, sum(value) from ins group by 1, 2, 3
         on conflict (organization_id, meter, month) do update set value = usage_monthly.value + excluded.value`;

export async function generateUsage({ databaseUrl, orgs, events, days = 365, focusOrgId = null, log = console.log }) {
  const { Client } = require('pg');
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const t0 = performance.now();
    await client.query(
      `insert into organization (id, external_id, name, plan)
       select 'bench-org-' || g, 'bench-ext-' || g, 'Bench org ' || g, case when g % 10 = 0 then 'enterprise' else 'pro' end
       from generate_series(1, $1::int) g on conflict do nothing`,
      [orgs],
    );
    for (let done = 0; done < events; done += CHUNK) {
      const n = Math.min(CHUNK, events - done);
      // Event i: organization i mod orgs, spread over the last `days` days, api_calls 3 in 4 times.
      await client.query(
        `with ins as (
           insert into usage_event (organization_id, meter, value, occurred_at, idempotency_key)
           select 'bench-org-' || (1 + i % $2::int),
                  case when i % 4 = 3 then 'storage_gb' else 'api_calls' end,
                  case when i % 4 = 3 then 0.25 else 1 + i % 5 end,
                  now() - make_interval(secs => (i % ($3::int * 86400))::double precision),
                  'gen-' || i
           from generate_series($1::bigint, $1::bigint + $4::bigint - 1) i
           on conflict do nothing
           returning organization_id, meter, value, (occurred_at at time zone 'UTC')::date as day)
         ${ROLL_UP}`,
        [done, orgs, days, n],
      );
      log(`  events ${fmt(done + n)} / ${fmt(events)} (${fmt((performance.now() - t0) / 1000, 1)} s)`);
    }
    if (focusOrgId) {
      await client.query(
        `with ins as (
           insert into usage_event (organization_id, meter, value, occurred_at, idempotency_key)
           select $1, m, 1000 + d, now() - make_interval(days => d), 'focus-' || m || '-' || d
           from generate_series(0, $2::int - 1) d cross join (values ('api_calls'), ('storage_gb')) as meters(m)
           on conflict do nothing
           returning organization_id, meter, value, (occurred_at at time zone 'UTC')::date as day)
         ${ROLL_UP}`,
        [focusOrgId, days],
      );
    }
    // A database in use has been vacuumed and checkpointed; a freshly loaded one has autovacuum still
    // to do and the load's dirty pages still to write, which would take the CPU and the disk from
    // whatever is measured next.
    log('  vacuum (analyze), checkpoint…');
    await client.query('vacuum (analyze) usage_event, usage_daily, usage_monthly');
    await client.query('checkpoint');
    const { rows } = await client.query('select (select count(*) from usage_event)::bigint as events, (select count(*) from usage_daily)::bigint as days');
    log(`  done in ${fmt((performance.now() - t0) / 1000, 1)} s: ${fmt(Number(rows[0].events))} raw events, ${fmt(Number(rows[0].days))} daily rollup rows`);
  } finally {
    await client.end();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values: args } = parseArgs({
    options: { 'database-url': { type: 'string' }, orgs: { type: 'string', default: '10000' }, events: { type: 'string', default: '50000000' }, days: { type: 'string', default: '365' }, 'focus-org': { type: 'string' } },
  });
  if (!args['database-url']) {
    console.error('--database-url is required (a migrated Deflect database).');
    process.exit(2);
  }
  await generateUsage({ databaseUrl: args['database-url'], orgs: Number(args.orgs), events: Number(args.events), days: Number(args.days), focusOrgId: args['focus-org'] ?? null });
}
