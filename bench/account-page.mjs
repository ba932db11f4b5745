// Throughput/latency of the signed-in page GET /account, beside a bare node:http baseline that
// serves the same bytes, and beside a fixed reference (a typical Next.js SaaS starter dashboard).
//   node bench/account-page.mjs [--connections 50] [--duration 10] [--warmup 3] [--max-requests 500000]
//                               [--database-url postgres://…] [--verbose]
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { checkBuilt, fetchAccount, fmt, freePort, killGroup, loadExact, machineNote, printTable, removeDir, scratchDatabase, signInCookie, startServer, tempDataDir, track, treeCpuMs, waitFor200 } from './lib.mjs';

const { values: args } = parseArgs({
  options: {
    connections: { type: 'string', default: '50' },
    duration: { type: 'string', default: '10' }, // seconds
    warmup: { type: 'string', default: '3' }, // seconds
    'max-requests': { type: 'string', default: '500000' }, // per run, whichever of time/count comes first
    'cpu-requests': { type: 'string', default: '300' }, // requests of the CPU-per-response phase (×50 for the baseline)
    'database-url': { type: 'string' },
    verbose: { type: 'boolean', default: false },
  },
});
const connections = Number(args.connections);
const duration = Number(args.duration);
const warmup = Number(args.warmup);
const maxRequests = Number(args['max-requests']);
const cpuRequests = Number(args['cpu-requests']);
const REFERENCE = { name: 'typical Next.js SaaS starter dashboard', rps: 80, p99: 850 }; // this machine, 50 connections
const GOAL = { rps: REFERENCE.rps * 3, p99: REFERENCE.p99 / 3 };

checkBuilt();
const machine = machineNote(); // before our own server adds to the load
const require = createRequire(path.join(process.cwd(), 'package.json'));
const autocannon = require('autocannon');
const watchdog = setTimeout(() => {
  console.error('account-page bench: overall time limit reached, giving up.');
  process.exit(1);
}, (300 + 2 * (duration + warmup) + 60) * 1000);
watchdog.unref();

function load(url, headers, seconds) {
  return loadExact({ url, headers, connections, maxOverallRequests: Math.max(maxRequests, connections) }, seconds);
}

/**
 * Server CPU time per response over `count` requests at low concurrency, all of them completed.
 * Unlike req/s, this figure hardly moves when other work shares the machine.
 */
function cpuPerResponse(url, headers, pid, count) {
  return new Promise((resolve, reject) => {
    const before = treeCpuMs(pid);
    let responses = 0;
    const instance = autocannon({ url, headers, connections: 4, amount: count, timeout: 30 }, (error) => {
      clearTimeout(guard);
      if (error) return reject(error);
      setTimeout(() => resolve((treeCpuMs(pid) - before) / responses), 200);
    });
    instance.on('response', () => responses++);
    const guard = setTimeout(() => instance.stop(), 120_000);
  });
}

/** Waits (≤ 20 s) until the server stops burning CPU, e.g. on requests a finished run abandoned. */
async function settle(pid) {
  const end = performance.now() + 20_000;
  let last = treeCpuMs(pid);
  while (performance.now() < end) {
    await new Promise((r) => setTimeout(r, 300));
    const now = treeCpuMs(pid);
    if (now - last <= 30) return;
    last = now;
  }
}

/** A bare node:http server in a child process, answering every request with `body` as text/html. */
async function startBaseline(body) {
  const file = path.join(tempDataDir(), 'page.html');
  fs.writeFileSync(file, body);
  const code = `
    const http = require('node:http');
    const body = require('node:fs').readFileSync(process.env.BODY_FILE);
    const server = http.createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': body.length });
      res.end(body);
    });
    server.listen(0, '127.0.0.1', () => console.log(server.address().port));`;
  const child = track(spawn(process.execPath, ['-e', code], { env: { ...process.env, BODY_FILE: file }, detached: true, stdio: ['ignore', 'pipe', 'inherit'] }));
  const port = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('baseline server did not start')), 10_000);
    child.stdout.once('data', (d) => {
      clearTimeout(timer);
      resolve(Number(String(d).trim()));
    });
  });
  return {
    pid: child.pid,
    url: `http://127.0.0.1:${port}/account`,
    stop: async () => {
      killGroup(child, 'SIGTERM');
      removeDir(path.dirname(file));
    },
  };
}

const dataDir = tempDataDir();
let db = null;
let server = null;
let ours;
let base;
let pageBytes;
try {
  if (args['database-url']) db = await scratchDatabase(args['database-url']);
  server = startServer({ port: await freePort(), dataDir, databaseUrl: db?.url, quiet: !args.verbose });
  await waitFor200(server, '/sign-in', { deadlineMs: 180_000 });
  const cookie = await signInCookie(server.url);
  const sample = await fetchAccount(server, cookie);
  pageBytes = sample.body.length;
  const target = `http://127.0.0.1:${server.port}/account`;
  console.log(`Deflect GET /account bench — ${db ? 'PostgreSQL' : 'PGlite'}, ${connections} connections, ${duration} s (after ${warmup} s warm-up), page ${fmt(pageBytes)} bytes`);
  console.log(`  ${machine}`);
  if (warmup > 0) await load(target, { cookie }, warmup);
  await settle(server.pid);
  const cpuPerReq = await cpuPerResponse(target, { cookie }, server.pid, cpuRequests);
  process.stdout.write('  Deflect /account… ');
  ours = { ...(await load(target, { cookie }, duration)), cpuPerReq };
  console.log(`${fmt(ours.rps, 1)} req/s`);
  await fetchAccount(server, cookie); // still signed in after the run
  await server.stop();
  server = null;

  const baseline = await startBaseline(sample.body);
  try {
    if (warmup > 0) await load(baseline.url, { cookie }, warmup);
    await settle(baseline.pid);
    const cpuPerReq = await cpuPerResponse(baseline.url, { cookie }, baseline.pid, cpuRequests * 50);
    process.stdout.write('  bare node:http, same bytes… ');
    base = { ...(await load(baseline.url, { cookie }, duration)), cpuPerReq };
    console.log(`${fmt(base.rps, 1)} req/s`);
  } finally {
    await baseline.stop();
  }
} finally {
  await server?.stop();
  removeDir(dataDir);
  await db?.drop().catch((e) => console.warn(`could not drop the scratch database: ${e.message}`));
}

const ms = (v) => `${fmt(v, 1)} ms`;
const x = (v) => `${fmt(v, 2)}×`;
console.log('');
printTable([
  ['', 'Deflect /account', 'bare node:http', 'Deflect/bare', REFERENCE.name.replace('typical ', 'ref: '), 'Deflect/ref', 'goal', 'Deflect/goal'],
  ['throughput (req/s)', fmt(ours.rps, 1), fmt(base.rps, 1), x(ours.rps / base.rps), fmt(REFERENCE.rps), x(ours.rps / REFERENCE.rps), `≥ ${fmt(GOAL.rps)} (3× ref)`, x(ours.rps / GOAL.rps)],
  ['latency p50', ms(ours.p50), ms(base.p50), x(ours.p50 / base.p50), '', '', '', ''],
  ['latency p95', ms(ours.p95), ms(base.p95), x(ours.p95 / base.p95), '', '', '', ''],
  ['latency p99', ms(ours.p99), ms(base.p99), x(ours.p99 / base.p99), `~${fmt(REFERENCE.p99)} ms`, x(ours.p99 / REFERENCE.p99), `≤ ${fmt(GOAL.p99)} ms (⅓ ref)`, x(ours.p99 / GOAL.p99)],
  ['server CPU per response (4 conns)', ms(ours.cpuPerReq), `${fmt(base.cpuPerReq, 3)} ms`, x(ours.cpuPerReq / base.cpuPerReq), '', '', '', ''],
  ['→ req/s per core of server CPU', fmt(1000 / ours.cpuPerReq, 1), fmt(1000 / base.cpuPerReq, 0), '', '', '', '', ''],
  ['responses', fmt(ours.responses), fmt(base.responses), '', '', '', '', ''],
  ['unfinished when time ran out', fmt(ours.unfinished), fmt(base.unfinished), '', '', '', '', ''],
  ['non-2xx', fmt(ours.non2xx), fmt(base.non2xx), '', '', '', '', ''],
  ['errors / timeouts', `${ours.errors} / ${ours.timeouts}`, `${base.errors} / ${base.timeouts}`, '', '', '', '', ''],
]);
console.log(`\nBoth served ${fmt(pageBytes)}-byte pages (the baseline answers with the very bytes of a sampled /account) over ${connections} connections for ${duration} s;`);
console.log('the load generator runs in this process on the same machine. Throughput goal met when Deflect/goal ≥ 1×, p99 goal met when ≤ 1×.');
if (ours.non2xx || ours.errors || ours.timeouts) console.log('WARNING: Deflect had non-2xx answers, errors or timeouts — its figures are not of a healthy run.');
process.exit(0);
