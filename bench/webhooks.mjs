// Throughput of Stripe webhook processing (POST /api/webhooks/stripe on the portal, PostgreSQL), in
// deliveries/s with duplicates included, beside two baselines measured in the same run at the same
// concurrency: the same deliveries again, all duplicates by then (signature + inbox insert/claim + ack,
// no Stripe fetch: the endpoint's floor), and the fake Stripe's own throughput for the re-fetch of a
// customer alone (GET /v1/customers/:id with the expansions, through the SDK the portal uses).
// On a shared machine the background load swings within seconds, so the three runs are interleaved:
// the customers are split into --rounds groups, and each round runs mixed, duplicate-only, Stripe
// fetch on its own group; the figures are over all rounds.
//   node bench/webhooks.mjs [--customers 200] [--duplicates 20] [--concurrency 16] [--rounds 4] [--warmup-customers 10]
//                           [--seed 20261121] [--database-url postgres://postgres@127.0.0.1:5432/test]
//                           [--run-timeout 300] [--cpu-prof DIR] [--verbose]
import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { checkBuilt, fmt, freePort, killGroup, machineNote, printTable, removeDir, scratchDatabase, startServer, tempDataDir, track, treeCpuMs, waitFor200 } from './lib.mjs';

const { values: args } = parseArgs({
  options: {
    customers: { type: 'string', default: '200' },
    duplicates: { type: 'string', default: '20' }, // % of the events delivered a second time, shuffled in
    concurrency: { type: 'string', default: '16' },
    rounds: { type: 'string', default: '4' },
    'warmup-customers': { type: 'string', default: '10' },
    seed: { type: 'string', default: '20261121' },
    'database-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/test' },
    'run-timeout': { type: 'string', default: '300' }, // seconds, for each kind of run (over all rounds)
    'cpu-prof': { type: 'string' }, // directory: run the portal under `node --cpu-prof` (written when it stops)
    verbose: { type: 'boolean', default: false },
  },
});
const customerCount = Number(args.customers);
const duplicatePercent = Number(args.duplicates);
const concurrency = Number(args.concurrency);
const warmupCustomers = Number(args['warmup-customers']);
const rounds = Number(args.rounds);
const runTimeoutMs = Number(args['run-timeout']) * 1000;
for (const [name, value] of Object.entries({ customers: customerCount, concurrency, rounds, 'warmup-customers': warmupCustomers + 1, 'run-timeout': runTimeoutMs })) {
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer`);
}
if (rounds > customerCount) throw new Error('--rounds cannot exceed --customers');
if (!(duplicatePercent >= 0 && duplicatePercent <= 100)) throw new Error('--duplicates must be a percentage, 0…100');

const WEBHOOK_SECRET = 'whsec_bench';
const STRIPE_KEY = 'sk_test_bench';
const WEBHOOK_PATH = '/api/webhooks/stripe';
const CUSTOMER_EXPAND = ['tax_ids', 'invoice_settings.default_payment_method']; // as src/modules/billing/stripe-customer.ts

const machine = machineNote(); // before our own processes add to the load
checkBuilt();
const require = createRequire(path.join(process.cwd(), 'package.json'));
const tsxLoader = require.resolve('tsx');
const { Client } = require('pg');
const Stripe = require('stripe');
const watchdog = setTimeout(
  () => {
    console.error('webhooks bench: overall time limit reached, giving up.');
    // lib.mjs kills the children and removes the temporary directory on exit; the database is ours to drop.
    const drop = db?.drop().catch(() => {});
    Promise.race([drop, new Promise((r) => setTimeout(r, 10_000))]).finally(() => process.exit(3));
  },
  300_000 + 3 * runTimeoutMs,
);
watchdog.unref();

/** A seeded pseudo-random generator (the one of chaos.test.ts), so a run can be repeated with the same shuffle. */
function random(seed) {
  return () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
}

function shuffled(items, next) {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

/** Every event once plus `duplicatePercent` % of them again, shuffled; each body serialized once (a redelivery is byte-identical). */
function deliveriesOf(events, next) {
  const bodies = events.map((event) => ({ id: event.id, body: JSON.stringify(event) }));
  const again = bodies.filter(() => next() < duplicatePercent / 100);
  return shuffled([...bodies, ...again], next);
}

/** Stripe's signature scheme (what Stripe.webhooks.generateTestHeaderString does): HMAC-SHA256 of `t.body`. */
function signature(body) {
  const t = Math.floor(Date.now() / 1000);
  return `t=${t},v1=${createHmac('sha256', WEBHOOK_SECRET).update(`${t}.${body}`).digest('hex')}`;
}

const percentile = (sorted, q) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] : NaN);

/**
 * Runs `task(item)` over `items`, `concurrency` at a time (a delivery is signed when it is sent);
 * stops starting new ones after `timeoutMs`. Returns the wall time and each task's result.
 */
async function runBounded(items, task, timeoutMs = runTimeoutMs) {
  let next = 0;
  const results = [];
  const t0 = performance.now();
  const deadline = t0 + timeoutMs;
  async function worker() {
    while (next < items.length && performance.now() < deadline) {
      const item = items[next++];
      const t = performance.now();
      let result;
      try {
        result = await task(item);
      } catch (error) {
        result = { status: 0, error: error.cause?.code ?? error.name ?? String(error) };
      }
      results.push({ ...result, ms: performance.now() - t });
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { seconds: (performance.now() - t0) / 1000, results, unfinished: items.length - results.length };
}

/** One webhook delivery, signed now; the outcome from the status and `data.duplicate`. */
async function deliver(url, { id, body }) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'stripe-signature': signature(body) },
    body,
    signal: AbortSignal.timeout(60_000),
  });
  const text = await res.text();
  let duplicate = null;
  try {
    duplicate = JSON.parse(text)?.data?.duplicate ?? null;
  } catch {
    /* counted as unexpected below */
  }
  return { id, status: res.status, duplicate, text: res.ok && duplicate !== null ? undefined : text.slice(0, 300) };
}

/** Summary of one run of deliveries: counts by outcome, latency percentiles (all, first deliveries, duplicates). */
function summarize(label, run, cpuMs) {
  const ok = run.results.filter((r) => r.status >= 200 && r.status < 300 && r.duplicate !== null);
  const bad = run.results.filter((r) => !ok.includes(r));
  const sorted = (rs) => rs.map((r) => r.ms).sort((a, b) => a - b);
  const all = sorted(run.results);
  const first = sorted(ok.filter((r) => r.duplicate === false));
  const dups = sorted(ok.filter((r) => r.duplicate === true));
  return {
    label,
    seconds: run.seconds,
    deliveries: run.results.length,
    perSecond: run.results.length / run.seconds,
    firstDeliveries: first.length,
    duplicates: dups.length,
    bad,
    unfinished: run.unfinished,
    p50: percentile(all, 0.5),
    p99: percentile(all, 0.99),
    firstP50: percentile(first, 0.5),
    firstP99: percentile(first, 0.99),
    dupP50: percentile(dups, 0.5),
    dupP99: percentile(dups, 0.99),
    cpuPerDelivery: cpuMs / Math.max(1, run.results.length),
  };
}

/** CPU time (ms) a process tree uses while `fn` runs, with fn's result. */
async function withCpu(pids, fn) {
  const before = pids.map((pid) => treeCpuMs(pid));
  const result = await fn();
  return { result, cpu: pids.map((pid, i) => treeCpuMs(pid) - before[i]) };
}

/** The fake Stripe (bench/webhooks-driver.ts) in a child process of its own group; resolves once it wrote its events. */
async function startFakeStripe(outFile) {
  const child = track(
    spawn(process.execPath, ['--import', tsxLoader, 'bench/webhooks-driver.ts', '--out', outFile, '--customers', String(customerCount), '--warmup-customers', String(warmupCustomers)], {
      cwd: process.cwd(),
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
  let output = '';
  const onData = (d) => {
    output += d;
    if (output.length > 100_000) output = output.slice(-50_000);
    if (args.verbose) process.stderr.write(d);
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the fake Stripe did not get ready within 120 s:\n${output.slice(-3000)}`)), 120_000);
    const check = () => {
      if (/fake-stripe ready /.test(output)) {
        clearTimeout(timer);
        child.stdout.off('data', check);
        resolve();
      }
    };
    child.stdout.on('data', check);
    exited.then((e) => {
      clearTimeout(timer);
      reject(new Error(`the fake Stripe exited (${JSON.stringify(e)}) before it was ready:\n${output.slice(-3000)}`));
    });
  });
  const world = JSON.parse(fs.readFileSync(outFile, 'utf8'));
  return {
    ...world,
    pid: child.pid,
    async stop() {
      killGroup(child, 'SIGTERM');
      const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** The organizations the webhooks find by customer id: plain rows, billing 'stripe' (as tests/support/stripe-fixtures.ts). */
async function insertOrganizations(client, customerIds) {
  await client.query(
    `insert into organization (id, external_id, name, plan, billing, stripe_customer_id)
     select 'bench-org-' || n, 'bench-ext-' || n, 'Webhook bench ' || n, 'pro', 'stripe', c
     from unnest($1::text[]) with ordinality as t(c, n)`,
    [customerIds],
  );
}

/** What the runs must have left: one inbox row per event, all done, and one audit row per processed event. */
async function verify(client, events, firstDeliveries) {
  const ids = events.map((e) => e.id);
  const { rows: statuses } = await client.query(`select status, count(*)::int as n from stripe_event where id = any($1) group by status order by status`, [ids]);
  const { rows: byType } = await client.query(`select type, status, count(*)::int as n from stripe_event where id = any($1) group by type, status order by type, status`, [ids]);
  const { rows: audit } = await client.query(
    `select count(*)::int as n, count(distinct after->>'eventId')::int as events from audit_log where action = 'system.sync_stripe' and after->>'eventId' = any($1)`,
    [ids],
  );
  const count = (s) => statuses.find((r) => r.status === s)?.n ?? 0;
  const stored = statuses.reduce((sum, r) => sum + r.n, 0);
  const processed = count('processed');
  const ignored = count('ignored');
  const problems = [];
  if (stored !== ids.length) problems.push(`stripe_event rows: ${stored}, distinct events: ${ids.length}`);
  if (processed + ignored !== stored) problems.push(`not all processed/ignored: ${JSON.stringify(statuses)}`);
  if (audit[0].n !== processed) problems.push(`audit rows system.sync_stripe: ${audit[0].n}, processed events: ${processed}`);
  if (audit[0].events !== processed) problems.push(`events with an audit row: ${audit[0].events}, processed events: ${processed}`);
  if (firstDeliveries !== ids.length) problems.push(`deliveries answered duplicate:false: ${firstDeliveries}, distinct events: ${ids.length} (each event must be taken exactly once)`);
  return { stored, processed, ignored, statuses, byType, auditRows: audit[0].n, problems };
}

const dataDir = tempDataDir();
let fake = null;
let server = null;
let db = null;
let client = null;
let failed = false;
try {
  console.log(`Deflect Stripe webhook bench — ${customerCount} customers with a busy month each, +${duplicatePercent} % duplicates, concurrency ${concurrency}`);
  console.log(`  ${machine}`);
  fake = await startFakeStripe(path.join(dataDir, 'events.json'));
  db = await scratchDatabase(args['database-url']);
  Object.assign(process.env, { STRIPE_SECRET_KEY: STRIPE_KEY, STRIPE_API_URL: fake.url, STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET }); // startServer passes our environment on
  const nodeArgs = args['cpu-prof'] ? ['--cpu-prof', '--cpu-prof-dir', path.resolve(args['cpu-prof'])] : [];
  server = startServer({ port: await freePort(), dataDir, databaseUrl: db.url, quiet: !args.verbose, nodeArgs });
  await waitFor200(server, '/api/health', { deadlineMs: 180_000 });
  client = new Client({ connectionString: db.url });
  client.on('error', () => {}); // Ctrl-C drops the scratch database WITH (FORCE), which ends this connection
  await client.connect();
  await insertOrganizations(client, [...fake.customers, ...fake.warmup].map((c) => c.id));

  const next = random(Number(args.seed));
  const events = fake.customers.flatMap((c) => c.events);
  // Round r: every rounds-th customer from r on, so each round has the same mix; its deliveries shuffled within it.
  const groups = Array.from({ length: rounds }, (_, r) => fake.customers.filter((_, i) => i % rounds === r));
  const roundDeliveries = groups.map((group) => deliveriesOf(group.flatMap((c) => c.events), next));
  const warmupDeliveries = deliveriesOf(fake.warmup.flatMap((c) => c.events), next);
  const deliveryCount = roundDeliveries.reduce((n, d) => n + d.length, 0);
  const url = `http://127.0.0.1:${server.port}${WEBHOOK_PATH}`;
  console.log(`  ${fmt(events.length)} events of ${fmt(fake.customers.length)} customers, ${fmt(deliveryCount)} deliveries (${fmt(deliveryCount - events.length)} duplicates), in ${rounds} rounds`);

  // The SDK as the portal configures it (src/platform/stripe/client.ts).
  const stripeUrl = new URL(fake.url);
  const stripe = new Stripe(STRIPE_KEY, { host: stripeUrl.hostname, port: Number(stripeUrl.port), protocol: 'http', maxNetworkRetries: 1, timeout: 10_000 });
  const retrieve = async (customerId) => {
    const customer = await stripe.customers.retrieve(customerId, { expand: CUSTOMER_EXPAND });
    return { status: customer.id === customerId ? 200 : 0, duplicate: false };
  };

  // Warm-up (not counted): the route compiled and its modules loaded, pools filled, on customers of their own.
  const warm = await runBounded(warmupDeliveries, (d) => deliver(url, d));
  const warmBad = warm.results.filter((r) => r.status !== 200);
  if (warmBad.length) throw new Error(`warm-up deliveries failed (${warmBad.length}): ${warmBad.slice(0, 3).map((r) => `HTTP ${r.status} ${r.text ?? r.error}`).join(' | ')}`);
  await runBounded(fake.warmup.flatMap((c) => Array(20).fill(c.id)), retrieve);

  // Each round: its deliveries (first time: mixed), the same again (all duplicates by now), as many customer fetches.
  const runs = { mixed: [], dupOnly: [], fetches: [] };
  const perRound = runTimeoutMs / rounds;
  for (let r = 0; r < rounds; r++) {
    const deliveries = roundDeliveries[r];
    const ids = groups[r].map((c) => c.id);
    runs.mixed.push(await withCpu([server.pid, fake.pid], () => runBounded(deliveries, (d) => deliver(url, d), perRound)));
    runs.dupOnly.push(await withCpu([server.pid, fake.pid], () => runBounded(deliveries, (d) => deliver(url, d), perRound)));
    runs.fetches.push(await withCpu([server.pid, fake.pid], () => runBounded(deliveries.map((_, i) => ids[i % ids.length]), retrieve, perRound)));
    const last = (kind) => runs[kind].at(-1).result;
    const rate = (run) => fmt(run.results.length / run.seconds, 1);
    console.log(`  round ${r + 1}/${rounds}: mixed ${rate(last('mixed'))}/s, duplicate-only ${rate(last('dupOnly'))}/s, Stripe fetch ${rate(last('fetches'))}/s`);
  }
  /** The rounds of one kind as one run: wall times added, results and CPU times pooled. */
  const pooled = (kind, label) => {
    const list = runs[kind];
    const run = { seconds: list.reduce((t, x) => t + x.result.seconds, 0), results: list.flatMap((x) => x.result.results), unfinished: list.reduce((n, x) => n + x.result.unfinished, 0) };
    const summary = summarize(label, run, list.reduce((t, x) => t + x.cpu[0], 0));
    summary.stripeCpuPerDelivery = list.reduce((t, x) => t + x.cpu[1], 0) / Math.max(1, summary.deliveries);
    return summary;
  };
  const mixed = pooled('mixed', 'webhooks, mixed');
  const dupOnly = pooled('dupOnly', 'webhooks, duplicate-only');
  const fetches = pooled('fetches', 'Stripe GET /v1/customers/:id');

  const check = await verify(client, events, mixed.firstDeliveries);
  const processedPerSecond = check.processed / mixed.seconds;
  const ms = (v) => (Number.isFinite(v) ? `${fmt(v, 1)} ms` : '—');
  console.log('');
  printTable([
    [`run (same server, concurrency ${concurrency}, ${rounds} rounds)`, 'requests', 'seconds', 'per s', 'p50', 'p99', 'portal CPU/req', 'fake Stripe CPU/req', 'non-2xx / errors'],
    ...[mixed, dupOnly, fetches].map((r) => [
      r.label,
      fmt(r.deliveries),
      fmt(r.seconds, 2),
      fmt(r.perSecond, 1),
      ms(r.p50),
      ms(r.p99),
      r === fetches ? '' : `${fmt(r.cpuPerDelivery, 2)} ms`,
      `${fmt(r.stripeCpuPerDelivery, 2)} ms`,
      `${fmt(r.bad.length)}${r.unfinished ? ` (+${r.unfinished} not sent)` : ''}`,
    ]),
  ]);
  console.log('');
  printTable([
    ['figure', 'value'],
    ['webhook deliveries/s, mixed (duplicates included)', fmt(mixed.perSecond, 1)],
    ['webhook deliveries/s, duplicate-only (floor cost of the endpoint)', fmt(dupOnly.perSecond, 1)],
    ['ratio mixed / duplicate-only', fmt(mixed.perSecond / dupOnly.perSecond, 3)],
    ['Stripe customer fetches/s (SDK → fake Stripe alone)', fmt(fetches.perSecond, 1)],
    ['ratio mixed / Stripe fetch', fmt(mixed.perSecond / fetches.perSecond, 3)],
    ['ratio by portal CPU per delivery (duplicate-only ÷ mixed)', fmt(dupOnly.cpuPerDelivery / mixed.cpuPerDelivery, 3)],
    ['processed (applied) events/s in the mixed run', fmt(processedPerSecond, 1)],
    ['first deliveries: p50 / p99', `${ms(mixed.firstP50)} / ${ms(mixed.firstP99)}`],
    ['duplicates within the mixed run: p50 / p99', `${ms(mixed.dupP50)} / ${ms(mixed.dupP99)}`],
  ]);
  console.log(`\nMachine: ${machine}`);
  console.log(`Mixed run: ${fmt(mixed.firstDeliveries)} first deliveries (duplicate:false), ${fmt(mixed.duplicates)} acknowledged as duplicates.`);
  console.log(`Duplicate-only run: ${fmt(dupOnly.duplicates)} of ${fmt(dupOnly.deliveries)} acknowledged as duplicates.`);
  console.log(
    `Inbox: ${fmt(check.stored)} stripe_event rows for ${fmt(events.length)} distinct events — ${fmt(check.processed)} processed, ${fmt(check.ignored)} ignored; ` +
      `${fmt(check.auditRows)} audit rows system.sync_stripe (one per processed event).`,
  );
  if (args.verbose) for (const r of check.byType) console.log(`    ${r.type.padEnd(34)} ${r.status.padEnd(10)} ${r.n}`);
  const problems = [...check.problems];
  if (dupOnly.duplicates !== dupOnly.deliveries) problems.push(`duplicate-only run: ${dupOnly.deliveries - dupOnly.duplicates} deliveries not acknowledged as duplicates`);
  for (const r of [mixed, dupOnly, fetches]) {
    if (r.bad.length) problems.push(`${r.label}: ${r.bad.length} non-2xx/errors, e.g. ${r.bad.slice(0, 3).map((b) => `HTTP ${b.status} ${b.text ?? b.error ?? ''}`).join(' | ')}`);
    if (r.unfinished) problems.push(`${r.label}: ${r.unfinished} requests not sent within --run-timeout`);
  }
  if (problems.length) {
    failed = true;
    console.log(`\nCHECK FAILED:\n  ${problems.join('\n  ')}`);
  } else {
    console.log('Checks passed: zero non-2xx, every event stored once and taken once, each processed event applied (audited) once.');
  }
  console.log('The load generator, the portal, the fake Stripe and PostgreSQL share this machine.');
} catch (error) {
  failed = true;
  console.error(`\nwebhooks bench failed: ${error.stack ?? error.message}`);
  if (server) console.error(`\nserver output (tail):\n${server.log().slice(-3000)}`);
} finally {
  await client?.end().catch(() => {});
  await server?.stop();
  await fake?.stop();
  removeDir(dataDir);
  await db?.drop().catch((e) => console.warn(`could not drop the scratch database: ${e.message}`));
}
process.exit(failed ? 1 : 0);
