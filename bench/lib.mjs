// Shared helpers of the benches: start/stop the portal (scripts/server.mjs), poll it, sample memory, sign in.
// Everything talks to 127.0.0.1/localhost only, and every wait has a deadline.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { serverNodeOptions } from '../scripts/server-node-options.mjs';

export const DEMO = { email: 'owner@acme.example', password: 'deflect-demo-1234' };
const require = createRequire(path.join(process.cwd(), 'package.json'));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export function checkBuilt() {
  if (!fs.existsSync(path.join(process.cwd(), '.next', 'BUILD_ID'))) {
    console.error('No build in ./.next — run `npx next build` first, from the repository root.');
    process.exit(2);
  }
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

const tempDirs = new Set();
export function tempDataDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deflect-bench-'));
  tempDirs.add(dir);
  return dir;
}

export function removeDir(dir) {
  fs.rmSync(dir, { recursive: true, force: true });
  tempDirs.delete(dir);
}

const running = new Set();
/** Remembers a child spawned with `detached: true` so that it is killed (with its group) when the bench exits. */
export function track(child) {
  running.add(child);
  child.on('exit', () => running.delete(child));
  return child;
}
export function killGroup(child, signal) {
  try {
    process.kill(-child.pid, signal); // the server was spawned as its own process group
  } catch {
    /* already gone */
  }
}
// Whatever happens to the bench, the servers it started do not outlive it.
process.on('exit', () => {
  for (const child of running) killGroup(child, 'SIGKILL');
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});
const interruptCleanups = new Set();
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    console.error(`\n${signal}: stopping.`);
    for (const child of running) killGroup(child, 'SIGKILL');
    const cleanups = [...interruptCleanups].map((fn) => Promise.resolve().then(fn).catch(() => {}));
    await Promise.race([Promise.all(cleanups), sleep(10_000)]);
    process.exit(130);
  });
}

/**
 * Spawns the portal (scripts/server.mjs, as `npm start` does) on 127.0.0.1:port with a DATA_DIR (and optionally DATABASE_URL).
 * Returns { child, pid, port, url, t0, log(), readyLineAt, stop() }; `t0` is performance.now() just before spawning.
 */
export function startServer({ port, dataDir, databaseUrl, quiet = true, nodeArgs = [] }) {
  const env = {
    ...process.env,
    PORT: String(port),
    PORTAL_URL: `http://localhost:${port}`,
    DATA_DIR: dataDir,
    NEXT_TELEMETRY_DISABLED: '1',
    NODE_ENV: 'production',
  };
  // The benches sign in as the demo owner: on a PostgreSQL server demo data is laid only when asked.
  if (databaseUrl) Object.assign(env, { DATABASE_URL: databaseUrl, DEMO_DATA: 'true' });
  else delete env.DATABASE_URL;
  const t0 = performance.now();
  // With the V8 flags of `npm start` (scripts/start.mjs).
  const child = spawn(process.execPath, [...serverNodeOptions, ...nodeArgs, 'scripts/server.mjs', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: process.cwd(),
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  track(child);
  let output = '';
  const server = { child, pid: child.pid, port, url: `http://localhost:${port}`, t0, readyLineAt: null, exited: null };
  const onData = (chunk) => {
    const text = chunk.toString();
    output += text;
    if (output.length > 200_000) output = output.slice(-100_000);
    if (server.readyLineAt === null && output.includes('Deflect is ready at')) server.readyLineAt = performance.now() - t0;
    if (!quiet) process.stderr.write(text);
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  exited.then((e) => {
    server.exited = e;
  });
  server.log = () => output;
  /** SIGTERM (the app closes its database and exits), SIGKILL after `graceMs`. */
  server.stop = async (graceMs = 10_000) => {
    if (server.exited) return server.exited;
    killGroup(child, 'SIGTERM');
    const timer = setTimeout(() => killGroup(child, 'SIGKILL'), graceMs);
    const result = await exited;
    clearTimeout(timer);
    killGroup(child, 'SIGKILL'); // anything left in the group
    return result;
  };
  return server;
}

/**
 * Polls `url` until it answers 200; resolves with ms since server.t0. A request may block while the
 * server boots (Next holds requests until instrumentation finished), so each has its own timeout.
 */
export async function waitFor200(server, pathname, { deadlineMs = 120_000, headers = {} } = {}) {
  const target = `http://127.0.0.1:${server.port}${pathname}`;
  const end = server.t0 + deadlineMs;
  let last = 'no answer';
  while (performance.now() < end) {
    if (server.exited) throw new Error(`server exited (${JSON.stringify(server.exited)}) before ${pathname} answered 200:\n${server.log().slice(-3000)}`);
    try {
      const res = await fetch(target, {
        headers,
        redirect: 'manual',
        signal: AbortSignal.timeout(Math.max(1000, Math.min(30_000, end - performance.now()))),
      });
      await res.arrayBuffer();
      if (res.status === 200) return performance.now() - server.t0;
      last = `HTTP ${res.status}`;
    } catch (error) {
      last = error.cause?.code ?? error.name ?? String(error);
    }
    await sleep(25);
  }
  throw new Error(`${pathname} did not answer 200 within ${deadlineMs} ms (last: ${last})\n${server.log().slice(-3000)}`);
}

/** `pid` and all its descendants (Linux /proc). */
function processTree(rootPid) {
  const parentOf = new Map();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parentOf.set(Number(entry), ppid);
    } catch {
      /* exited meanwhile */
    }
  }
  const tree = new Set([rootPid]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, ppid] of parentOf) {
      if (!tree.has(pid) && tree.has(ppid)) {
        tree.add(pid);
        grew = true;
      }
    }
  }
  return tree;
}

/** Sum of VmRSS (kB) over `pid` and all its descendants. */
export function treeRssKb(rootPid) {
  const tree = processTree(rootPid);
  let kb = 0;
  for (const pid of tree) {
    try {
      const m = /VmRSS:\s+(\d+)\s+kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (m) kb += Number(m[1]);
    } catch {
      /* exited meanwhile */
    }
  }
  return kb;
}

/** CPU time (user + system, ms) used so far by the live processes `pids`; USER_HZ taken as 100. */
function cpuMsOf(pids) {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]); // utime, stime
    } catch {
      /* exited meanwhile */
    }
  }
  return ticks * 10;
}

/** CPU time (ms) used so far by `pid` and its live descendants. */
export function treeCpuMs(rootPid) {
  return cpuMsOf(processTree(rootPid));
}

/**
 * CPU time (ms) used so far by the live processes named `postgres` on this machine (the server, its
 * backends and background workers); reading another user's /proc/<pid>/stat needs no privilege.
 */
export function postgresCpuMs() {
  const pids = fs.readdirSync('/proc').filter((entry) => /^\d+$/.test(entry) && readComm(entry) === 'postgres');
  return cpuMsOf(pids);
}

function readComm(pid) {
  try {
    return fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return null;
  }
}

/** Samples the tree's RSS every `everyMs`; stop() returns { peakMb, lastMb, samples }. */
export function sampleRss(pid, everyMs = 50) {
  let peak = 0;
  let last = 0;
  let samples = 0;
  const tick = () => {
    last = treeRssKb(pid);
    samples++;
    if (last > peak) peak = last;
  };
  tick();
  const timer = setInterval(tick, everyMs);
  return {
    peakMb: () => peak / 1024,
    stop() {
      clearInterval(timer);
      tick();
      return { peakMb: peak / 1024, lastMb: last / 1024, samples };
    },
  };
}

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export async function launchBrowser() {
  const { chromium } = require('@playwright/test');
  const executablePath = process.env.CHROMIUM_PATH ?? (fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS, timeout: 60_000 });
}

/** Signs in as the demo owner through the real form in `context`; leaves the page on /account. */
export async function signInWithForm(context, baseUrl, { timeoutMs = 60_000 } = {}) {
  const page = await context.newPage();
  page.setDefaultTimeout(timeoutMs);
  await page.goto(`${baseUrl}/sign-in?next=%2Faccount`, { timeout: timeoutMs });
  await page.getByLabel('Email').fill(DEMO.email);
  await page.getByLabel('Password').fill(DEMO.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((u) => new URL(u).pathname === '/account', { timeout: timeoutMs });
  await page.getByRole('heading', { name: 'Account', level: 1 }).waitFor({ timeout: timeoutMs });
  return page;
}

/** Launches Chromium, signs in, returns the Cookie header value (all cookies of the portal). */
export async function signInCookie(baseUrl) {
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext();
    await signInWithForm(context, baseUrl);
    const cookies = await context.cookies(baseUrl);
    if (!cookies.some((c) => c.name.startsWith('deflect.session_token'))) throw new Error(`no deflect.session_token cookie after sign-in (got: ${cookies.map((c) => c.name).join(', ')})`);
    return cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  } finally {
    await browser.close();
  }
}

/** GET with the cookie; throws unless /account really rendered for a signed-in person. */
export async function fetchAccount(server, cookie) {
  const res = await fetch(`http://127.0.0.1:${server.port}/account`, {
    headers: { cookie },
    redirect: 'manual',
    signal: AbortSignal.timeout(30_000),
  });
  const body = Buffer.from(await res.arrayBuffer());
  if (res.status !== 200) throw new Error(`GET /account with the session cookie answered ${res.status} ${res.headers.get('location') ?? ''}`);
  if (!body.includes(DEMO.email)) throw new Error('GET /account answered 200 but not the signed-in page');
  return { status: res.status, body, contentType: res.headers.get('content-type') };
}

/**
 * For --database-url: creates a scratch database beside the given one (dropped by `drop()`), so a
 * first start really is on an empty database; if that is refused, uses the given one as it is.
 */
export async function scratchDatabase(url) {
  const { Client } = require('pg');
  const name = `deflect_bench_${process.pid}_${Date.now()}`;
  const admin = new Client({ connectionString: url });
  try {
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
  } catch (error) {
    console.warn(`Could not create a scratch database (${error.message}); using the given database as it is.`);
    await admin.end().catch(() => {});
    return { url, fresh: false, drop: async () => {} };
  }
  await admin.end();
  const scratch = new URL(url);
  scratch.pathname = `/${name}`;
  const drop = async () => {
    interruptCleanups.delete(drop);
    const c = new Client({ connectionString: url });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await c.end();
  };
  interruptCleanups.add(drop);
  return { url: scratch.toString(), fresh: true, drop };
}

/** One line on the machine; benches on a busy machine are not comparable, so say so. */
export function machineNote() {
  const cores = os.availableParallelism?.() ?? os.cpus().length;
  const load = os.loadavg()[0];
  const note = `${cores} cores, load average (1 min) ${load.toFixed(2)} at start, node ${process.version}`;
  return load > cores / 2 ? `${note} — WARNING: the machine is busy, figures will be low and noisy` : note;
}

export const fmt = (n, digits = 0) => (Number.isFinite(n) ? n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }) : '—');

/** Prints rows (arrays of cells) as an aligned plain-text table; first row is the header. */
export function printTable(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i] ?? '').length)));
  const line = (r) => r.map((c, i) => (i === 0 ? String(c ?? '').padEnd(widths[i]) : String(c ?? '').padStart(widths[i]))).join('  ');
  console.log(line(rows[0]));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows.slice(1)) console.log(line(r));
}

/**
 * One autocannon run for `seconds` with `options` (url, connections, headers or requests …). Every
 * response's latency is kept, so the percentiles are exact (autocannon itself has no p95).
 */
export function loadExact(options, seconds) {
  const autocannon = require('autocannon');
  return new Promise((resolve, reject) => {
    const latencies = [];
    const instance = autocannon({ timeout: 30, ...options, duration: seconds }, (error, result) => {
      clearTimeout(guard);
      if (error) return reject(error);
      latencies.sort((a, b) => a - b);
      const pct = (q) => (latencies.length ? latencies[Math.min(latencies.length - 1, Math.ceil(q * latencies.length) - 1)] : NaN);
      resolve({
        rps: latencies.length / result.duration,
        p50: pct(0.5),
        p95: pct(0.95),
        p99: pct(0.99),
        max: latencies.at(-1),
        responses: latencies.length,
        non2xx: result.non2xx,
        errors: result.errors,
        timeouts: result.timeouts,
        unfinished: Math.max(0, result.requests.sent - latencies.length),
        seconds: result.duration,
      });
    });
    instance.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
    const guard = setTimeout(() => instance.stop(), (seconds + 40) * 1000); // belt and braces
  });
}
