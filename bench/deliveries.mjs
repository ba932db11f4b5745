// Outbound webhook delivery on PostgreSQL: events committed → delivered to a local webhook receiver by
// the real relay, queue (pg-boss) and webhook channel (signed), beside the receiver's own floor measured
// in the same run: a plain node:http sender POSTing the same bodies to the same receiver.
//   node bench/deliveries.mjs [--events 5000] [--committers 16] [--backlog-batch 100] [--rate 100] [--rate-seconds 10]
//                             [--floor-concurrency 50] [--warmup 200] [--database-url postgres://…] [--timeout 300] [--cpu-prof DIR]
// Prints (a) sustained throughput in events/s over --events events (first commit → last arrival), committed
// one per transaction by --committers concurrent committers (as actions commit: bounded by the database's
// commit rate, printed too), and again committed --backlog-batch per transaction (what the relay and the
// delivery workers sustain); (b) commit-to-arrival latency at a steady --rate events/s.
// The portal side runs in its own process (bench/deliveries-driver.ts); the receiver runs here. The
// database is a fresh one beside --database-url (default TEST_DATABASE_URL, else the local server), dropped at the end.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { parseArgs } from 'node:util';
import { fmt, machineNote, printTable, removeDir, scratchDatabase, tempDataDir, track } from './lib.mjs';

const { values: args } = parseArgs({
  options: {
    events: { type: 'string', default: '5000' },
    committers: { type: 'string', default: '16' },
    'backlog-batch': { type: 'string', default: '100' }, // events per transaction when the backlog is committed
    rate: { type: 'string', default: '100' },
    'rate-seconds': { type: 'string', default: '10' },
    'floor-concurrency': { type: 'string', default: '50' },
    warmup: { type: 'string', default: '200' },
    'database-url': { type: 'string', default: process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test' },
    timeout: { type: 'string', default: '300' }, // seconds, the whole run
    'cpu-prof': { type: 'string' }, // directory: run the driver under `node --cpu-prof` (written when it stops)
  },
});
const events = Number(args.events);
const committers = Number(args.committers);
const backlogBatch = Number(args['backlog-batch']);
const rate = Number(args.rate);
const rateEvents = Math.round(rate * Number(args['rate-seconds']));
const floorConcurrency = Number(args['floor-concurrency']);
const warmup = Number(args.warmup);
const GOAL = { throughput: 500, p95: 1000 };
const now = () => performance.timeOrigin + performance.now();

const watchdog = setTimeout(() => {
  console.error('deliveries bench: overall time limit reached, giving up.');
  process.exit(1);
}, Number(args.timeout) * 1000);
watchdog.unref();

/** The host product's endpoint: records when each `webhook-id` arrived (its whole body read), answers 200. */
const arrivals = new Map();
const duplicates = { count: 0 };
const receiver = http.createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    const id = String(req.headers['webhook-id']);
    if (arrivals.has(id)) duplicates.count++;
    else arrivals.set(id, now());
    res.writeHead(200).end();
  });
});
await new Promise((resolve) => receiver.listen(0, '127.0.0.1', resolve));
const receiverUrl = `http://127.0.0.1:${receiver.address().port}/hooks`;

const machine = machineNote();
const database = await scratchDatabase(args['database-url']);
const dataDir = tempDataDir();
const driver = track(
  spawn(process.execPath, [...(args['cpu-prof'] ? ['--cpu-prof', '--cpu-prof-dir', args['cpu-prof']] : []), '--import', 'tsx', 'bench/deliveries-driver.ts'], {
    env: { ...process.env, DELIVERY_BENCH_DATABASE_URL: database.url, DELIVERY_BENCH_RECEIVER: receiverUrl, DATA_DIR: dataDir, PORTAL_SERVER_SECRET: randomBytes(32).toString('hex'), NODE_ENV: 'production' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  }),
);
driver.on('exit', (code) => {
  if (code !== 0) {
    console.error(`deliveries bench: the driver exited with ${code}.`);
    process.exit(1);
  }
});
const nextMessage = () => new Promise((resolve) => driver.once('message', resolve));
const ask = async (command) => {
  const answer = nextMessage();
  driver.send(command);
  return answer;
};

/** Resolves once every id has arrived (polling; the watchdog bounds it). */
async function arrived(ids) {
  while (ids.some((id) => !arrivals.has(id))) await new Promise((r) => setTimeout(r, 5));
  return Math.max(...ids.map((id) => arrivals.get(id)));
}

const percentile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
function latencies(stamps) {
  const sorted = stamps.map(([id, at]) => arrivals.get(id) - at).sort((a, b) => a - b);
  return { p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), p99: percentile(sorted, 0.99), max: sorted.at(-1) };
}

async function throughput(command) {
  const start = now();
  const { stamps } = await ask(command);
  const last = await arrived(stamps.map(([id]) => id));
  return { perSecond: (stamps.length * 1000) / (last - start), committedPerSecond: (stamps.length * 1000) / (Math.max(...stamps.map(([, at]) => at)) - start) };
}

async function atRate(command) {
  const { stamps } = await ask(command);
  await arrived(stamps.map(([id]) => id));
  return { ...latencies(stamps), ids: stamps.map(([id]) => id) };
}

try {
  await nextMessage(); // ready
  console.log(`deliveries bench — ${machine}`);
  console.log(`${events} events by ${committers} committers; latency at ${rate} events/s over ${rateEvents} events; floor: node:http, ${floorConcurrency} in flight`);
  const warm = await ask({ cmd: 'commit', count: warmup, concurrency: committers, perTransaction: 1 });
  await arrived(warm.stamps.map(([id]) => id));
  await arrived((await ask({ cmd: 'floor', count: warmup, concurrency: floorConcurrency })).stamps.map(([id]) => id));

  const portal = await throughput({ cmd: 'commit', count: events, concurrency: committers, perTransaction: 1 });
  const backlog = await throughput({ cmd: 'commit', count: events, concurrency: 2, perTransaction: backlogBatch });
  const floor = await throughput({ cmd: 'floor', count: events, concurrency: floorConcurrency });
  const portalLatency = await atRate({ cmd: 'commit-at-rate', count: rateEvents, perSecond: rate });
  const floorLatency = await atRate({ cmd: 'floor-at-rate', count: rateEvents, perSecond: rate });

  console.log('');
  printTable([
    ['', 'relay + webhook channel', 'floor (node:http)', 'ratio', 'goal'],
    ['events/s, 1 event per commit', fmt(portal.perSecond), fmt(floor.perSecond), `${fmt(portal.perSecond / floor.perSecond, 2)}×`, `≥ ${GOAL.throughput}`],
    [`events/s, ${backlogBatch} per commit`, fmt(backlog.perSecond), fmt(floor.perSecond), `${fmt(backlog.perSecond / floor.perSecond, 2)}×`, `≥ ${GOAL.throughput}`],
    [`p50 ms at ${rate}/s`, fmt(portalLatency.p50, 1), fmt(floorLatency.p50, 1), `${fmt(portalLatency.p50 / floorLatency.p50, 1)}×`, ''],
    [`p95 ms at ${rate}/s`, fmt(portalLatency.p95, 1), fmt(floorLatency.p95, 1), `${fmt(portalLatency.p95 / floorLatency.p95, 1)}×`, `< ${GOAL.p95}`],
    [`p99 ms at ${rate}/s`, fmt(portalLatency.p99, 1), fmt(floorLatency.p99, 1), `${fmt(portalLatency.p99 / floorLatency.p99, 1)}×`, ''],
    [`max ms at ${rate}/s`, fmt(portalLatency.max, 1), fmt(floorLatency.max, 1), '', ''],
  ]);
  const { breakdown } = await ask({ cmd: 'breakdown', ids: portalLatency.ids });
  console.log(`\nat ${rate}/s, from the rows' times (p50 / p95 ms): commit → relayed ${breakdown.relayed.map((v) => fmt(v, 1)).join(' / ')}, relayed → delivered ${breakdown.delivered.map((v) => fmt(v, 1)).join(' / ')}`);
  console.log(`commits alone, 1 event per commit: ${fmt(portal.committedPerSecond)} events/s (the first row cannot exceed it); events received twice: ${duplicates.count}`);
  const met = Math.max(portal.perSecond, backlog.perSecond) >= GOAL.throughput && portalLatency.p95 < GOAL.p95;
  console.log(met ? 'Both goals met.' : 'A goal was missed.');
  await ask({ cmd: 'stop' });
  process.exitCode = met ? 0 : 1;
} finally {
  receiver.close();
  await database.drop();
  removeDir(dataDir);
}
