// Throughput/latency of POST /api/v1/keys/verify on the lean node:http verify server
// (scripts/api-server.ts), beside a bare node:http server answering the same JSON bytes, loaded
// identically in the same run; with --next, also the Next.js route of the portal's build.
//   node bench/verify.mjs [--connections 64] [--duration 10] [--warmup 3] [--keys 100] [--invalid 10]
//                         [--max-requests 2000000] [--database-url postgres://…] [--next] [--cpu-prof DIR] [--verbose]
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { fmt, freePort, killGroup, loadExact, machineNote, printTable, scratchDatabase, startServer, tempDataDir, removeDir, track, treeCpuMs, waitFor200 } from './lib.mjs';
import { serverNodeOptions } from '../scripts/server-node-options.mjs';

const { values: args } = parseArgs({
  options: {
    connections: { type: 'string', default: '64' },
    duration: { type: 'string', default: '10' }, // seconds
    warmup: { type: 'string', default: '3' }, // seconds
    keys: { type: 'string', default: '100' },
    invalid: { type: 'string', default: '10' }, // % of requests with a revoked or unknown key
    'max-requests': { type: 'string', default: '2000000' }, // per run, whichever of time/count comes first
    'database-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/test' },
    next: { type: 'boolean', default: false },
    'cpu-prof': { type: 'string' }, // directory: run the verify server under `node --cpu-prof`
    verbose: { type: 'boolean', default: false },
  },
});
const connections = Number(args.connections);
const duration = Number(args.duration);
const warmup = Number(args.warmup);
const keyCount = Number(args.keys);
const invalidPercent = Number(args.invalid);
const maxRequests = Number(args['max-requests']);
const GOAL = { ratio: 0.5, p99: 10 }; // issue 6: lean/bare throughput ≥ 0.5, p99 < 10 ms
const VERIFY_PATH = '/api/v1/keys/verify';

const machine = machineNote(); // before our own servers add to the load
const require = createRequire(path.join(process.cwd(), 'package.json'));
const tsxLoader = require.resolve('tsx'); // `node --import <tsx>`: one process, '@/…' paths resolved
const withNext = args.next && fs.existsSync(path.join(process.cwd(), '.next', 'BUILD_ID'));
if (args.next && !withNext) console.warn('--next: no build in ./.next (run `npx next build` first); the Next.js route is skipped.');
const watchdog = setTimeout(
  () => {
    console.error('verify bench: overall time limit reached, giving up.');
    process.exit(1);
  },
  (180 + (withNext ? 240 : 0) + 3 * (duration + warmup + 25)) * 1000,
);
watchdog.unref();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A child process in its own group (killed with the bench), with its output kept and a line to wait for; `env` adds to ours (undefined: removes). */
function spawnChild(argv, { env = {}, quiet = true } = {}) {
  const childEnv = { ...process.env, ...env };
  for (const [name, value] of Object.entries(env)) if (value === undefined) delete childEnv[name];
  const child = track(spawn(process.execPath, argv, { cwd: process.cwd(), env: childEnv, detached: true, stdio: ['ignore', 'pipe', 'pipe'] }));
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => {
    stdout += d;
    if (!quiet) process.stderr.write(d);
  });
  child.stderr.on('data', (d) => {
    stderr += d;
    if (!quiet) process.stderr.write(d);
  });
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return {
    child,
    pid: child.pid,
    exited,
    output: () => ({ stdout, stderr }),
    /** Resolves with the first match of `pattern` on stdout; rejects if the child exits first or after `ms`. */
    waitFor(pattern, ms) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => done(new Error(`no ${pattern} within ${ms} ms:\n${stdout}${stderr}`.slice(-3000))), ms);
        const check = () => {
          const m = pattern.exec(stdout);
          if (m) done(null, m);
        };
        const onExit = (e) => done(new Error(`exited (${JSON.stringify(e)}) before printing ${pattern}:\n${stdout}${stderr}`.slice(-3000)));
        let settled = false;
        const done = (error, m) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          child.stdout.off('data', check);
          if (error) reject(error);
          else resolve(m);
        };
        child.stdout.on('data', check);
        exited.then(onExit);
        check();
      });
    },
    /** SIGTERM (the verify server flushes and closes its pool), SIGKILL after `graceMs`. */
    async stop(graceMs = 10_000) {
      killGroup(child, 'SIGTERM');
      const timer = setTimeout(() => killGroup(child, 'SIGKILL'), graceMs);
      const result = await exited;
      clearTimeout(timer);
      killGroup(child, 'SIGKILL');
      return result;
    },
  };
}

/** Runs bench/verify-keys.ts: creates the keys through the real pipeline (and migrates the database). */
async function createKeys(databaseUrl) {
  const run = spawnChild(['--import', tsxLoader, 'bench/verify-keys.ts', '--database-url', databaseUrl, '--count', String(keyCount)], { quiet: !args.verbose });
  const timer = setTimeout(() => killGroup(run.child, 'SIGKILL'), 120_000);
  const { code, signal } = await run.exited;
  clearTimeout(timer);
  const { stdout, stderr } = run.output();
  if (code !== 0) throw new Error(`bench/verify-keys.ts failed (${code ?? signal}):\n${stderr.slice(-3000)}`);
  return JSON.parse(stdout.trim().split('\n').at(-1));
}

/** The lean API server (scripts/api-server.ts) on a free port, in a child process. */
async function startLean(databaseUrl, secret) {
  const port = await freePort();
  const nodeArgs = args['cpu-prof'] ? ['--cpu-prof', '--cpu-prof-dir', path.resolve(args['cpu-prof'])] : [];
  // As `npm run api-server` starts it.
  const server = spawnChild([...serverNodeOptions, ...nodeArgs, '--import', tsxLoader, 'scripts/api-server.ts', '--port', String(port)], {
    env: { DATABASE_URL: databaseUrl, PORTAL_SERVER_SECRET: secret, NODE_ENV: 'production', API_PORT: undefined },
    quiet: !args.verbose,
  });
  await server.waitFor(/API server listening on port (\d+)/, 60_000);
  return { ...server, url: `http://127.0.0.1:${port}${VERIFY_PATH}` };
}

/** A bare node:http server in a child process: reads the body, answers `body` (JSON) to every request. */
async function startBare(body) {
  const code = `
    const http = require('node:http');
    const body = Buffer.from(process.env.BARE_BODY);
    const server = http.createServer((req, res) => {
      const chunks = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', () => {
        Buffer.concat(chunks);
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
        res.end(body);
      });
    });
    server.listen(0, '127.0.0.1', () => console.log('bare listening on port ' + server.address().port));`;
  const server = spawnChild(['-e', code], { env: { BARE_BODY: body } });
  const [, port] = await server.waitFor(/bare listening on port (\d+)/, 10_000);
  return { ...server, url: `http://127.0.0.1:${port}${VERIFY_PATH}` };
}

async function post(url, secret, body) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await res.text();
  let json = null;
  try {
    json = JSON.parse(text);
  } catch {
    /* reported below */
  }
  return { status: res.status, text, json };
}

/** One request per key must answer valid (with its id, organization, scopes); revoked/unknown/garbage must not. */
async function assertCorrect(label, url, secret, fixture) {
  const problems = [];
  let sample = null;
  for (const k of fixture.keys) {
    const r = await post(url, secret, { key: k.secret });
    const d = r.json?.data;
    if (r.status !== 200 || r.json?.success !== true || d?.valid !== true || d.keyId !== k.keyId || d.organization?.id !== k.organizationId || JSON.stringify(d.scopes) !== JSON.stringify(k.scopes)) {
      problems.push(`key ${k.keyId}: HTTP ${r.status} ${r.text.slice(0, 200)}`);
    }
    sample ??= r.text;
  }
  const expectInvalid = async (what, body, reason) => {
    const r = await post(url, secret, body);
    if (r.status !== 200 || r.json?.data?.valid !== false || r.json.data.reason !== reason) problems.push(`${what}: expected valid:false (${reason}), got HTTP ${r.status} ${r.text.slice(0, 200)}`);
  };
  await expectInvalid('revoked key', { key: fixture.revoked }, 'revoked');
  await expectInvalid('unknown well-formed key', { key: fixture.unknown[0] }, 'not_found');
  await expectInvalid('garbage key', { key: 'not-a-key' }, 'not_found');
  await expectInvalid('valid key, scope it lacks', { key: fixture.keys[0].secret, scope: 'admin' }, 'insufficient_scope');
  const wrongSecret = await post(url, `${secret}x`, { key: fixture.keys[0].secret });
  if (wrongSecret.status !== 401) problems.push(`wrong server secret: expected 401, got ${wrongSecret.status}`);
  if (problems.length) throw new Error(`${label} answered wrongly:\n  ${problems.slice(0, 10).join('\n  ')}`);
  return sample;
}

/** The request bodies autocannon cycles over: mostly valid keys (half with scope "read"), `--invalid` % revoked/unknown. */
function requestBodies(fixture) {
  const bodies = [];
  const invalid = [fixture.revoked, ...fixture.unknown];
  const total = Math.max(100, fixture.keys.length * 2);
  const invalidEvery = invalidPercent > 0 ? Math.round(100 / invalidPercent) : Infinity;
  for (let i = 0; i < total; i++) {
    if (i % invalidEvery === invalidEvery - 1) bodies.push({ key: invalid[i % invalid.length] });
    else {
      const k = fixture.keys[i % fixture.keys.length];
      bodies.push(i % 2 === 0 ? { key: k.secret, scope: 'read' } : { key: k.secret });
    }
  }
  return bodies.map((b) => JSON.stringify(b));
}

/** One run of bodies cycling over every key, with the server secret. */
function load(url, secret, bodies, seconds) {
  let next = 0;
  const { port, pathname } = new URL(url);
  const requests = [
    {
      method: 'POST',
      path: pathname,
      headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
      setupRequest: (req) => ({ ...req, body: bodies[next++ % bodies.length] }),
    },
  ];
  return loadExact({ url: `http://127.0.0.1:${port}`, connections, maxOverallRequests: Math.max(maxRequests, connections), requests }, seconds);
}

/** Warm-up, then the measured run; server CPU per response (its process tree) over the measured run. */
async function measure(label, target, secret, bodies) {
  if (warmup > 0) await load(target.url, secret, bodies, warmup);
  await sleep(300);
  process.stdout.write(`  ${label}… `);
  const cpuBefore = treeCpuMs(target.pid);
  const result = await load(target.url, secret, bodies, duration);
  result.cpuPerResponse = (treeCpuMs(target.pid) - cpuBefore) / result.responses;
  console.log(`${fmt(result.rps, 0)} req/s, p99 ${fmt(result.p99, 2)} ms`);
  return result;
}

const secret = `bench_${randomBytes(24).toString('base64url')}`;
const results = [];
let bodyCount = 0;
let db = null;
let lean = null;
let bare = null;
let next = null;
let nextDataDir = null;
try {
  db = await scratchDatabase(args['database-url']);
  const fixture = await createKeys(db.url);
  const bodies = requestBodies(fixture);
  bodyCount = bodies.length;
  console.log(
    `Deflect POST ${VERIFY_PATH} bench — PostgreSQL, ${fixture.keys.length} keys, ${invalidPercent}% revoked/unknown, ` +
      `${connections} connections, ${duration} s (after ${warmup} s warm-up)`,
  );
  console.log(`  ${machine}`);

  lean = await startLean(db.url, secret);
  const sample = await assertCorrect('lean verify server', lean.url, secret, fixture);
  results.push({ label: 'lean verify server (node:http)', ...(await measure('lean verify server', lean, secret, bodies)) });
  await assertCorrect('lean verify server (after the run)', lean.url, secret, fixture);
  await lean.stop();
  lean = null;

  bare = await startBare(sample);
  const bareAnswer = await post(bare.url, secret, JSON.parse(bodies[0]));
  if (bareAnswer.text !== sample) throw new Error('the bare server does not answer the sampled bytes');
  const bareResult = { label: `bare node:http (same ${Buffer.byteLength(sample)} bytes)`, bare: true, ...(await measure('bare node:http', bare, secret, bodies)) };
  results.push(bareResult);
  await bare.stop();
  bare = null;

  if (withNext) {
    nextDataDir = tempDataDir();
    process.env.PORTAL_SERVER_SECRET = secret; // startServer passes our environment on
    next = startServer({ port: await freePort(), dataDir: nextDataDir, databaseUrl: db.url, quiet: !args.verbose });
    await waitFor200(next, '/api/health', { deadlineMs: 180_000 });
    await assertCorrect('Next.js route', `http://127.0.0.1:${next.port}${VERIFY_PATH}`, secret, fixture);
    results.push({ label: 'Next.js route (next start)', ...(await measure('Next.js route', { pid: next.pid, url: `http://127.0.0.1:${next.port}${VERIFY_PATH}` }, secret, bodies)) });
    await next.stop();
    next = null;
  }
} finally {
  await lean?.stop();
  await bare?.stop();
  await next?.stop();
  if (nextDataDir) removeDir(nextDataDir);
  await db?.drop().catch((e) => console.warn(`could not drop the scratch database: ${e.message}`));
}

const base = results.find((r) => r.bare);
const ms = (v) => `${fmt(v, 2)} ms`;
const mark = (ok) => (ok ? 'yes' : 'NO');
console.log('');
printTable([
  ['target', 'req/s', 'p50', 'p99', 'max', 'non-2xx', 'errors / timeouts', 'server CPU / resp', 'req/s ÷ bare', 'CPU: bare ÷ it', `≥ ${GOAL.ratio}?`, `p99 < ${GOAL.p99} ms?`],
  ...results.map((r) => [
    r.label,
    fmt(r.rps, 0),
    ms(r.p50),
    ms(r.p99),
    ms(r.max),
    fmt(r.non2xx),
    `${r.errors} / ${r.timeouts}`,
    `${fmt(r.cpuPerResponse, 3)} ms`,
    r.bare ? '1.000' : fmt(r.rps / base.rps, 3),
    r.bare ? '1.000' : fmt(base.cpuPerResponse / r.cpuPerResponse, 3),
    r.bare ? '' : mark(r.rps / base.rps >= GOAL.ratio),
    r.bare ? '' : mark(r.p99 < GOAL.p99),
  ]),
]);
const leanResult = results[0];
const met = leanResult.rps / base.rps >= GOAL.ratio && leanResult.p99 < GOAL.p99 && !leanResult.non2xx && !leanResult.errors && !leanResult.timeouts;
console.log(`\nEach target served ${connections} connections for ${duration} s with the same request bodies (cycling over ${bodyCount} bodies);`);
console.log('the load generator (autocannon) runs in this process on the same machine, each server in a child process of its own.');
console.log('Server CPU / resp: CPU time of the server process per response during the measured run (hardly moved by other load).');
console.log('CPU: bare ÷ it is the throughput ratio the two would show if each had a core to itself and the load generator were');
console.log('not the limit; on a 2-core machine autocannon needs about one core, so the bare server is often generator-bound.');
console.log(`Goal of issue 6 (lean/bare req/s ≥ ${GOAL.ratio}, p99 < ${GOAL.p99} ms, no errors): ${met ? 'MET' : 'NOT MET'}.`);
process.exit(0);
