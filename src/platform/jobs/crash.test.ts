import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inArray } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { startReceiver, type Receiver } from '../../../tests/support/delivery-receiver';
import { createTestDatabase } from '../../../tests/support/test-db';
import { outbox } from '../actions/schema';
import { openPglite } from '../db/open';
import type { DatabaseHandle } from '../db/types';
import { deliveries } from './schema';

const DEADLINE = { timeout: 60_000, interval: 100 };
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The database the children share: the PostgreSQL test database, or a PGlite data directory on disk. */
async function sharedDatabase(): Promise<{ env: Record<string, string>; open(): Promise<DatabaseHandle>; release(handle: DatabaseHandle): Promise<void> }> {
  const template = await createTestDatabase();
  if (template.kind === 'postgres') {
    cleanups.push(() => template.close());
    return { env: { DELIVERY_DATABASE_URL: template.url! }, open: async () => template, release: async () => {} };
  }
  const dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'deflect-crash-')), 'pglite');
  const seeded = await openPglite({ dataDir, loadDataDir: await template.dump!(), migrate: false });
  await Promise.all([seeded.close(), template.close()]);
  cleanups.push(() => fs.rmSync(path.dirname(dataDir), { recursive: true, force: true }));
  // PGlite is one process's: the test opens the directory only while no child runs.
  return { env: { DELIVERY_PGLITE_DIR: dataDir }, open: () => openPglite({ dataDir, migrate: false }), release: (handle) => handle.close() };
}

async function startChild(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/delivery-child.ts'], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  cleanups.push(() => void child.kill('SIGKILL'));
  let output = '';
  for await (const chunk of child.stdout!) {
    output += String(chunk);
    if (output.includes('ready')) return child;
  }
  throw new Error('the delivery child exited before it was ready');
}

async function commitEvents(handle: DatabaseHandle, count: number): Promise<number[]> {
  const rows = await handle.db
    .insert(outbox)
    .values(Array.from({ length: count }, (_, i) => ({ organizationId: 'org-crash', type: 'test.crash', payload: { n: i } })))
    .returning({ id: outbox.id });
  return rows.map((r) => r.id);
}

describe('delivery across a crash', () => {
  it('SIGKILL while deliveries are in flight, restart: every committed event is accepted by the receiver exactly once', async () => {
    const receiver: Receiver = await startReceiver(() => 'hold');
    cleanups.push(() => receiver.close());
    const shared = await sharedDatabase();
    const env = { ...shared.env, RECEIVER_URL: receiver.url };

    let handle = await shared.open();
    const before = await commitEvents(handle, 30);
    await shared.release(handle);

    const victim = await startChild(env);
    await expect.poll(() => receiver.requests.length, DEADLINE).toBeGreaterThan(0);
    victim.kill('SIGKILL');
    await once(victim, 'exit');
    expect(receiver.accepted().size).toBe(0); // killed before any delivery went through

    handle = await shared.open();
    const whileDown = await commitEvents(handle, 10); // committed with no portal running: only the sweep finds them
    await shared.release(handle);
    const ids = [...before, ...whileDown];

    receiver.answer = () => 200;
    const survivor = await startChild(env);
    await expect.poll(() => ids.filter((id) => receiver.accepted().get(id) === 1).length, DEADLINE).toBe(ids.length);
    survivor.kill('SIGTERM');
    await once(survivor, 'exit');

    expect([...receiver.accepted().values()].every((n) => n === 1)).toBe(true);
    handle = await shared.open();
    const rows = await handle.db.select({ status: deliveries.status }).from(deliveries).where(inArray(deliveries.eventId, ids));
    await shared.release(handle);
    expect(rows.map((r) => r.status)).toEqual(ids.map(() => 'delivered'));
  }, 180_000);
});
