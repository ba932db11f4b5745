// Latency of GET /api/account/usage/{meter}?range=12m for one organization (the demo's Acme), on
// PostgreSQL holding the whole usage data set (see usage-generate.mjs).
//   node bench/usage-read.mjs [--database-url postgres://postgres@127.0.0.1:5432/postgres]
//                             [--orgs 10000] [--events 50000000] [--connections 4] [--duration 10]
//                             [--meter api_calls] [--verbose]
import path from 'node:path';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { checkBuilt, fmt, freePort, loadExact, machineNote, printTable, removeDir, scratchDatabase, signInCookie, startServer, tempDataDir, waitFor200 } from './lib.mjs';
import { generateUsage } from './usage-generate.mjs';

const { values: args } = parseArgs({
  options: {
    'database-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
    orgs: { type: 'string', default: '10000' },
    events: { type: 'string', default: '50000000' },
    connections: { type: 'string', default: '4' },
    duration: { type: 'string', default: '10' },
    meter: { type: 'string', default: 'api_calls' },
    verbose: { type: 'boolean', default: false },
  },
});
const GOAL_P95_MS = 20;
const require = createRequire(path.join(process.cwd(), 'package.json'));
const { Client } = require('pg');

checkBuilt();
const watchdog = setTimeout(() => {
  console.error('usage-read: overall time limit reached');
  process.exit(3);
}, 120 * 60_000);
watchdog.unref();

function load(url, headers, seconds, connections) {
  return loadExact({ url, headers, connections }, seconds);
}

const dataDir = tempDataDir();
const db = await scratchDatabase(args['database-url']);
let server = null;
try {
  server = startServer({ port: await freePort(), dataDir, databaseUrl: db.url, quiet: !args.verbose });
  await waitFor200(server, '/sign-in', { deadlineMs: 180_000 });
  const client = new Client({ connectionString: db.url });
  await client.connect();
  const { rows } = await client.query(`select id from organization where external_id = 'org_acme'`);
  await client.end();
  console.log(`Generating ${fmt(Number(args.orgs))} organizations and ${fmt(Number(args.events))} events…`);
  await generateUsage({ databaseUrl: db.url, orgs: Number(args.orgs), events: Number(args.events), focusOrgId: rows[0].id });

  const cookie = await signInCookie(server.url);
  const target = `http://127.0.0.1:${server.port}/api/account/usage/${args.meter}?range=12m`;
  const sample = await fetch(target, { headers: { cookie } });
  const body = await sample.json();
  if (sample.status !== 200 || body.data.series.length !== 12) throw new Error(`GET answered ${sample.status}: ${JSON.stringify(body).slice(0, 300)}`);
  console.log(`GET /api/account/usage/${args.meter}?range=12m — ${args.connections} connections, ${args.duration} s (after 3 s warm-up)`);
  console.log(`  ${machineNote()}`);
  await load(target, { cookie }, 3, Number(args.connections));
  const r = await load(target, { cookie }, Number(args.duration), Number(args.connections));
  console.log('');
  printTable([
    ['', 'GET usage 12m', 'goal'],
    ['latency p50', `${fmt(r.p50, 1)} ms`, ''],
    ['latency p95', `${fmt(r.p95, 1)} ms`, `< ${GOAL_P95_MS} ms`],
    ['latency p99', `${fmt(r.p99, 1)} ms`, ''],
    ['req/s', fmt(r.rps, 1), ''],
    ['responses / non-2xx / errors', `${fmt(r.responses)} / ${r.non2xx} / ${r.errors}`, ''],
  ]);
  console.log(`\nGoal ${r.p95 < GOAL_P95_MS && !r.non2xx ? 'met' : 'NOT met'} (p95 < ${GOAL_P95_MS} ms).`);
} finally {
  await server?.stop();
  removeDir(dataDir);
  await db.drop().catch((e) => console.warn(`could not drop the scratch database: ${e.message}`));
}
process.exit(0);
