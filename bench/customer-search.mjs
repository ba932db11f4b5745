// Staff customer search (issue 19): the search service on PostgreSQL holding 10,000 organizations with
// their members and Stripe customer ids, beside a plain SELECT of the very rows each search answered.
//   node bench/customer-search.mjs [--database-url postgres://postgres@127.0.0.1:5432/postgres]
//                                  [--orgs 10000] [--members 3] [--queries 2000] [--warmup 300]
//                                  [--without-trigram-indexes]
// A scratch database is created beside the given one (migrated as `npm start` would) and dropped at
// the end. No build and no server: the service runs in this process (through tsx), as a route would
// call it, so the figure is the server-side time of one search including its round trip to PostgreSQL.
// --without-trigram-indexes drops them after seeding: search as it runs where pg_trgm is refused.
import path from 'node:path';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { register as registerCjs } from 'tsx/cjs/api';
import { register } from 'tsx/esm/api';
import { fmt, machineNote, printTable, scratchDatabase } from './lib.mjs';

const { values: args } = parseArgs({
  options: {
    'database-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
    orgs: { type: 'string', default: '10000' },
    members: { type: 'string', default: '3' },
    queries: { type: 'string', default: '2000' },
    warmup: { type: 'string', default: '300' },
    'without-trigram-indexes': { type: 'boolean', default: false },
  },
});
const GOAL_P95_MS = 50;
const orgCount = Number(args.orgs);
const memberCount = Number(args.members);
const require = createRequire(path.join(process.cwd(), 'package.json'));
const { Client } = require('pg');

const watchdog = setTimeout(() => {
  console.error('customer-search: overall time limit reached');
  process.exit(3);
}, 20 * 60_000);
watchdog.unref();

// The project's TypeScript as CommonJS (no "type": "module"), '@/…' paths and all.
registerCjs();
register();
const { openPostgres } = await import('../src/platform/db/open.ts');
const { searchCustomers } = await import('../src/modules/customers/search.ts');
const { sql } = await import('drizzle-orm');

const WORDS = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Stark', 'Wayne', 'Wonka', 'Tyrell', 'Cyberdyne', 'Soylent', 'Vandelay', 'Massive', 'Dynamic', 'Aperture', 'Black Mesa', 'Gringotts', 'Oscorp', 'Pied Piper', 'Monarch', 'Nakatomi', 'Prestige', 'Sterling', 'Duff'];
const NOUNS = ['Labs', 'Logistics', 'Analytics', 'Foods', 'Systems', 'Media', 'Health', 'Energy', 'Robotics', 'Finance', 'Travel', 'Studios'];
const FIRST = ['anna', 'ben', 'chloe', 'david', 'emma', 'felix', 'grace', 'hugo', 'iris', 'jonas', 'kira', 'leo', 'mia', 'noah', 'olga', 'paul'];
const sqlArray = (items) => `array[${items.map((w) => `'${w.replace(/'/g, "''")}'`).join(',')}]`;

/** Organizations, users and memberships, written by PostgreSQL itself (plain inserts, as the app stores them). */
async function seed(url) {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`
      insert into organization (id, external_id, name, plan, billing, stripe_customer_id)
      select 'org_' || lpad(g::text, 6, '0'),
             'ext-' || lpad(g::text, 6, '0'),
             (${sqlArray(WORDS)})[1 + g % ${WORDS.length}] || ' ' || (${sqlArray(NOUNS)})[1 + (g / ${WORDS.length}) % ${NOUNS.length}] || ' ' || g,
             (array['free','pro','enterprise'])[1 + g % 3],
             case when g % 5 < 3 then 'stripe' end,
             case when g % 5 < 3 then 'cus_' || substr(md5(g::text), 1, 14) end
      from generate_series(1, ${orgCount}) g`);
    await client.query(`
      insert into "user" (id, name, email, email_verified)
      select 'usr_' || o || '_' || m, 'Person ' || o || '-' || m,
             (${sqlArray(FIRST)})[1 + (o * 7 + m) % ${FIRST.length}] || '.' || m || '.' || o || '@' ||
               lower(replace((${sqlArray(WORDS)})[1 + o % ${WORDS.length}], ' ', '-')) || o || '.example',
             true
      from generate_series(1, ${orgCount}) o, generate_series(1, ${memberCount}) m`);
    await client.query(`
      insert into membership (id, organization_id, user_id, role)
      select 'mem_' || o || '_' || m, 'org_' || lpad(o::text, 6, '0'), 'usr_' || o || '_' || m, case when m = 1 then 'owner' else 'member' end
      from generate_series(1, ${orgCount}) o, generate_series(1, ${memberCount}) m`);
    // As autovacuum leaves a table: the trigram indexes' pending entries merged, statistics taken.
    await client.query('vacuum analyze');
    if (args['without-trigram-indexes']) {
      const { rows } = await client.query(`select indexname from pg_indexes where indexname like '%trgm%'`);
      for (const { indexname } of rows) await client.query(`drop index "${indexname}"`);
    }
    const { rows } = await client.query(`select count(*)::int as n from pg_indexes where indexname like '%trgm%'`);
    return { trigramIndexes: rows[0].n };
  } finally {
    await client.end();
  }
}

/** What staff type: pieces of names, ids and emails, whole and half typed, some with no answer. */
function queries(count) {
  const pick = (n) => 1 + Math.floor(Math.random() * n);
  const makers = [
    () => WORDS[pick(WORDS.length) - 1].slice(0, 3 + pick(5)).toLowerCase(),
    () => `${WORDS[pick(WORDS.length) - 1]} ${NOUNS[pick(NOUNS.length) - 1]}`,
    () => `${NOUNS[pick(NOUNS.length) - 1].toLowerCase()} ${pick(orgCount)}`,
    () => `ext-${String(pick(orgCount)).padStart(6, '0')}`,
    () => `ext-00${pick(99)}`,
    () => `${FIRST[pick(FIRST.length) - 1]}.${pick(memberCount)}.${pick(orgCount)}@`,
    () => `${FIRST[pick(FIRST.length) - 1]}.${pick(memberCount)}`,
    () => `${WORDS[pick(WORDS.length) - 1].toLowerCase().replace(' ', '-')}${pick(orgCount)}.example`,
    () => 'cus_' + Math.random().toString(16).slice(2, 2 + 3 + pick(6)),
    () => WORDS[pick(WORDS.length) - 1].slice(0, pick(2)).toLowerCase(),
    () => 'nothing-like-this',
  ];
  return Array.from({ length: count }, (_, i) => makers[i % makers.length]());
}

function percentiles(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted.at(-1) };
}

const machine = machineNote();
const scratch = await scratchDatabase(args['database-url']);
let handle = null;
try {
  handle = await openPostgres(scratch.url, { max: 2 });
  console.log(`Seeding ${fmt(orgCount)} organizations, ${fmt(orgCount * memberCount)} members…`);
  const { trigramIndexes } = await seed(scratch.url);
  const all = queries(Number(args.warmup) + Number(args.queries));
  const searchMs = [];
  const selectMs = [];
  let hits = 0;
  for (const [i, q] of all.entries()) {
    let t0 = performance.now();
    const found = await searchCustomers(handle.db, { q });
    const searchTime = performance.now() - t0;
    t0 = performance.now();
    await handle.db.execute(sql`select * from organization where id = any(${`{${found.map((h) => `"${h.id}"`).join(',')}}`}::text[])`);
    const selectTime = performance.now() - t0;
    if (i < Number(args.warmup)) continue;
    searchMs.push(searchTime);
    selectMs.push(selectTime);
    hits += found.length;
  }
  const s = percentiles(searchMs);
  const b = percentiles(selectMs);
  console.log(`\nCustomer search — ${fmt(searchMs.length)} queries after ${args.warmup} warm-up, ${fmt(hits / searchMs.length, 1)} results per query on average`);
  console.log(`  ${machine}; trigram indexes: ${trigramIndexes}`);
  console.log('');
  printTable([
    ['', 'search service', 'plain SELECT of its rows', 'ratio', 'goal'],
    ['p50', `${fmt(s.p50, 2)} ms`, `${fmt(b.p50, 2)} ms`, fmt(s.p50 / b.p50, 1), ''],
    ['p95', `${fmt(s.p95, 2)} ms`, `${fmt(b.p95, 2)} ms`, fmt(s.p95 / b.p95, 1), `< ${GOAL_P95_MS} ms`],
    ['p99', `${fmt(s.p99, 2)} ms`, `${fmt(b.p99, 2)} ms`, fmt(s.p99 / b.p99, 1), ''],
    ['max', `${fmt(s.max, 2)} ms`, `${fmt(b.max, 2)} ms`, '', ''],
  ]);
  console.log(`\nGoal ${s.p95 < GOAL_P95_MS ? 'met' : 'NOT met'} (search p95 < ${GOAL_P95_MS} ms).`);
} finally {
  await handle?.close();
  await scratch.drop().catch((e) => console.warn(`could not drop the scratch database: ${e.message}`));
}
process.exit(0);
