// The portal side of bench/deliveries.mjs, in a process of its own (spawned with an IPC channel):
//   node --import tsx bench/deliveries-driver.ts   (DELIVERY_BENCH_DATABASE_URL, DELIVERY_BENCH_RECEIVER set)
// Opens (and migrates) the database, registers the portal's channels (src/channels.ts: the real webhook
// channel), starts the real relay and delivery worker (startJobs), and subscribes one endpoint to every
// event. Then, on the parent's commands, commits events (one outbox row per transaction, as an action
// does, then the action's nudge) or sends the same bodies with a plain node:http client (the floor),
// and answers with the time each was committed or sent (ms since the epoch, sub-millisecond).
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { registerChannels } from '../src/channels';
import { createWebhookEndpoint } from '../src/modules/webhooks/service';
import { outbox } from '../src/platform/actions/schema';
import { executeAction } from '../src/platform/actions/execute';
import { useDatabase } from '../src/platform/db/client';
import { openPostgres } from '../src/platform/db/open';
import type { Db } from '../src/platform/db/types';
import { outboxWritten } from '../src/platform/jobs/nudge';
import { startJobs } from '../src/platform/jobs/runtime';
import { organization } from '../src/platform/tenancy/schema';

type Command = { cmd: 'commit'; count: number; concurrency: number; perTransaction: number } | { cmd: 'commit-at-rate'; count: number; perSecond: number } | { cmd: 'floor'; count: number; concurrency: number } | { cmd: 'floor-at-rate'; count: number; perSecond: number } | { cmd: 'breakdown'; ids: string[] } | { cmd: 'stop' };
type Stamp = [id: string, at: number];

const now = () => performance.timeOrigin + performance.now();
const send = (message: unknown) => new Promise<void>((resolve) => process.send!(message, () => resolve()));

function payloadOf(n: number) {
  return { memberId: `m-${n}`, userId: `u-${n}`, role: 'member' as const };
}

/** Where the time went, from the rows' own times (ms, p50/p95): commit → relayed (delivery row written) → delivered. */
async function breakdown(db: Db, ids: string[]) {
  const eventIds = sql.raw(ids.map(Number).filter(Number.isSafeInteger).join(',') || '0');
  const { rows } = (await db.execute(sql`
    select percentile_cont(array[0.5, 0.95]) within group (order by extract(epoch from d.created_at - o.created_at) * 1000) as relayed,
           percentile_cont(array[0.5, 0.95]) within group (order by extract(epoch from d.delivered_at - d.created_at) * 1000) as delivered
    from deliveries d join outbox o on o.id = d.event_id
    where d.event_id in (${eventIds})`)) as unknown as { rows: { relayed: number[]; delivered: number[] }[] };
  return rows[0];
}

async function main(): Promise<void> {
  const handle = await openPostgres(process.env.DELIVERY_BENCH_DATABASE_URL!);
  useDatabase(handle);
  const db: Db = handle.db;
  registerChannels();
  const jobs = await startJobs(handle);
  const organizationId = randomUUID();
  await db.insert(organization).values({ id: organizationId, externalId: 'bench-org', name: 'Bench Org' });
  await executeAction({ type: 'host', organizationId: null }, createWebhookEndpoint, { url: process.env.DELIVERY_BENCH_RECEIVER!, events: ['*'] });

  let n = 0;
  /** One transaction of `size` events, as an action commits its events; then the action's nudge. */
  async function commit(size: number): Promise<Stamp[]> {
    const rows = await db.transaction((tx) =>
      tx
        .insert(outbox)
        .values(Array.from({ length: size }, () => ({ organizationId, type: 'team.member_removed', payload: payloadOf(n++) })))
        .returning({ id: outbox.id }),
    );
    const at = now();
    outboxWritten();
    return rows.map((row) => [String(row.id), at]);
  }
  const commitOne = async (): Promise<Stamp> => (await commit(1))[0]!;

  // The floor: the same bodies, POSTed by node:http on keep-alive connections.
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const target = new URL(process.env.DELIVERY_BENCH_RECEIVER!);
  let f = 0;
  function postOne(): Promise<Stamp> {
    const id = `floor-${f}`;
    const body = JSON.stringify({ id, type: 'team.member_removed', createdAt: new Date().toISOString(), organization: { id: organizationId, externalId: 'bench-org' }, data: payloadOf(f++) });
    const at = now();
    return new Promise((resolve, reject) => {
      const request = http.request({ host: target.hostname, port: target.port, path: target.pathname, method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'webhook-id': id } }, (response) => {
        response.resume();
        response.on('end', () => (response.statusCode! < 300 ? resolve([id, at]) : reject(new Error(`HTTP ${response.statusCode}`))));
      });
      request.on('error', reject);
      request.end(body);
    });
  }

  /** `count` calls of `one`, `concurrency` at a time. */
  async function withConcurrency(count: number, concurrency: number, one: () => Promise<Stamp[]>): Promise<Stamp[]> {
    const stamps: Stamp[] = [];
    let started = 0;
    await Promise.all(
      Array.from({ length: Math.min(concurrency, count) }, async () => {
        while (started < count) {
          started++;
          stamps.push(...(await one()));
        }
      }),
    );
    return stamps;
  }

  async function atRate(count: number, perSecond: number, one: () => Promise<Stamp>): Promise<Stamp[]> {
    const start = performance.now();
    const pending: Promise<Stamp>[] = [];
    for (let i = 0; i < count; i++) {
      const due = start + (i * 1000) / perSecond;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      pending.push(one());
    }
    return Promise.all(pending);
  }

  process.on('message', (command: Command) => {
    void (async () => {
      switch (command.cmd) {
        case 'commit':
          return send({ stamps: await withConcurrency(Math.ceil(command.count / command.perTransaction), command.concurrency, () => commit(command.perTransaction)) });
        case 'commit-at-rate':
          return send({ stamps: await atRate(command.count, command.perSecond, commitOne) });
        case 'floor':
          return send({ stamps: await withConcurrency(command.count, command.concurrency, async () => [await postOne()]) });
        case 'floor-at-rate':
          return send({ stamps: await atRate(command.count, command.perSecond, postOne) });
        case 'breakdown':
          return send({ breakdown: await breakdown(db, command.ids) });
        case 'stop':
          agent.destroy();
          await jobs.stop();
          await handle.close();
          await send({ stopped: true });
          process.exit(0);
      }
    })().catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
  });
  await send({ ready: true });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
