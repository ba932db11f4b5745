// Start-up bench: time from spawning the portal (scripts/server.mjs) to the first 200s, and the server's peak memory.
//   node bench/startup.mjs [--database-url postgres://…] [--verbose]
// Runs twice: on an empty DATA_DIR (first start: migrate + seed), then again on the same one (warm).
// With --database-url, a scratch database is created beside the given one (and dropped afterwards);
// if that is not allowed, the given database is used as it is.
import { parseArgs } from 'node:util';
import { checkBuilt, fetchAccount, fmt, freePort, machineNote, printTable, removeDir, sampleRss, scratchDatabase, signInCookie, startServer, tempDataDir, waitFor200 } from './lib.mjs';

const { values: args } = parseArgs({
  options: {
    'database-url': { type: 'string' },
    'deadline': { type: 'string', default: '180' }, // seconds per start, whole run bounded by 2× this
    verbose: { type: 'boolean', default: false },
  },
});
const GOAL_FIRST_PAGE_S = 20;
const GOAL_PEAK_MB = 1024; // 1 GB, counted as 1 GiB of RSS

checkBuilt();
const deadlineMs = Number(args.deadline) * 1000;
const watchdog = setTimeout(() => {
  console.error('startup bench: overall time limit reached, giving up.');
  process.exit(1);
}, deadlineMs * 2 + 60_000);
watchdog.unref();

async function oneStart(label, dataDir, databaseUrl) {
  const port = await freePort();
  const server = startServer({ port, dataDir, databaseUrl, quiet: !args.verbose });
  const rss = sampleRss(server.pid, 50);
  try {
    const [firstPageMs, healthMs] = await Promise.all([waitFor200(server, '/sign-in', { deadlineMs }), waitFor200(server, '/api/health', { deadlineMs })]);
    const cookie = await signInCookie(server.url);
    await fetchAccount(server, cookie);
    const accountMs = performance.now() - server.t0;
    const mem = rss.stop();
    return { label, firstPageMs, healthMs, readyLineMs: server.readyLineAt, accountMs, peakMb: mem.peakMb, endMb: mem.lastMb };
  } finally {
    rss.stop();
    await server.stop();
  }
}

const dataDir = tempDataDir();
let db = null;
const results = [];
try {
  if (args['database-url']) db = await scratchDatabase(args['database-url']);
  const store = db ? `PostgreSQL (${db.fresh ? 'scratch database' : 'given database'})` : `PGlite in ${dataDir}/pglite`;
  console.log(`Deflect start-up bench — ${store}, ${machineNote()}`);
  for (const label of [db && !db.fresh ? 'first start' : 'fresh (empty)', 'warm (2nd start)']) {
    process.stdout.write(`  ${label}… `);
    const r = await oneStart(label, dataDir, db?.url);
    console.log(`first page ${fmt(r.firstPageMs / 1000, 2)} s, peak ${fmt(r.peakMb)} MB`);
    results.push(r);
  }
} finally {
  removeDir(dataDir);
  await db?.drop().catch((e) => console.warn(`could not drop the scratch database: ${e.message}`));
}

const s = (ms) => (ms == null ? '—' : `${fmt(ms / 1000, 2)} s`);
const ratio = (v, goal) => fmt(v / goal, 2);
const [a, b] = results;
console.log('');
printTable([
  ['metric (from spawning the portal)', a.label, b.label, 'goal', `${a.label.split(' ')[0]}/goal`, `${b.label.split(' ')[0]}/goal`],
  ['→ first 200 of GET /sign-in (first page)', s(a.firstPageMs), s(b.firstPageMs), `< ${GOAL_FIRST_PAGE_S} s`, ratio(a.firstPageMs / 1000, GOAL_FIRST_PAGE_S), ratio(b.firstPageMs / 1000, GOAL_FIRST_PAGE_S)],
  ['→ first 200 of GET /api/health', s(a.healthMs), s(b.healthMs), '', '', ''],
  ['→ "Deflect is ready" printed', s(a.readyLineMs), s(b.readyLineMs), '', '', ''],
  ['→ signed-in /account 200 (incl. browser sign-in)', s(a.accountMs), s(b.accountMs), '', '', ''],
  ['peak RSS of the server process tree', `${fmt(a.peakMb)} MB`, `${fmt(b.peakMb)} MB`, `< ${GOAL_PEAK_MB} MB`, ratio(a.peakMb, GOAL_PEAK_MB), ratio(b.peakMb, GOAL_PEAK_MB)],
  ['RSS after the signed-in /account', `${fmt(a.endMb)} MB`, `${fmt(b.endMb)} MB`, '', '', ''],
]);
console.log('\nRSS: sum of VmRSS of the portal and its children, sampled every 50 ms until the signed-in /account rendered. Ratio < 1 meets the goal.');
process.exit(0);
