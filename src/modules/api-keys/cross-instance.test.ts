import { spawn, type ChildProcess } from 'node:child_process';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newKey, postVerify, useApiKeyTestDatabase } from '../../../tests/support/api-key-fixtures';
import { seedTeam } from '../../../tests/support/team-fixtures';
import { userActor } from '../../../tests/support/test-db';
import { resetConfigForTests } from '@/platform/config';
import { closeBus } from '@/platform/pubsub/bus';
import { apiKey } from './schema';
import { revokeKey, rotateKey } from './service';
import { executeAction } from '@/platform/actions/execute';

// A revocation (or a rotation without grace) must reach a second app instance within one second.
// The second instance is a real process (the standalone API server) on the same PostgreSQL; the
// invalidation travels over PostgreSQL LISTEN/NOTIFY, or over Redis pub/sub when REDIS_URL is set.
// They need TEST_DATABASE_URL (and TEST_REDIS_URL): without them they are skipped locally; CI must
// provide both (see the first test).

const databaseUrl = process.env.TEST_DATABASE_URL;
const redisUrl = process.env.TEST_REDIS_URL;
const SERVER_SECRET = 'cross-instance-test-secret-0123456789';
const PROPAGATION_LIMIT_MS = 1000;

it('CI provides PostgreSQL and Redis for the cross-instance tests', () => {
  if (process.env.CI === 'true') {
    expect(databaseUrl, 'TEST_DATABASE_URL').toBeTruthy();
    expect(redisUrl, 'TEST_REDIS_URL').toBeTruthy();
  }
});

const t = useApiKeyTestDatabase();

type Instance = { baseUrl: string; stop(): Promise<void> };

/** `npx tsx scripts/api-server.ts --port 0` in its own process group; resolves once it listens. */
async function startSecondInstance(env: NodeJS.ProcessEnv): Promise<Instance> {
  const child: ChildProcess = spawn('npx', ['tsx', 'scripts/api-server.ts', '--port', '0'], { cwd: process.cwd(), env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  let output = '';
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`API server did not start within 45 s:\n${output}`)), 45_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /API server listening on port (\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`API server exited (${code}) before listening:\n${output}`));
    });
  });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      process.kill(-child.pid!, 'SIGTERM'); // the group: npx, tsx and node
      const timer = setTimeout(() => child.exitCode === null && process.kill(-child.pid!, 'SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** The environment of the second instance: this one's, pointed at the test database and the chosen bus. */
function instanceEnv(bus: { redisUrl?: string }): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: t.handle.url, PORTAL_SERVER_SECRET: SERVER_SECRET };
  delete env.REDIS_URL;
  delete env.API_PORT;
  if (bus.redisUrl) env.REDIS_URL = bus.redisUrl;
  return env;
}

/** Asks `instance` about `key` until `done(answer)` or the deadline; returns the last answer and the time it took. */
async function pollUntil(instance: Instance, key: string, startedAt: number, done: (data: { valid: boolean; reason?: string }) => boolean) {
  const deadline = startedAt + 10_000;
  for (;;) {
    const { status, body } = await postVerify(instance.baseUrl, { key }, SERVER_SECRET);
    expect(status).toBe(200);
    const data = (body as { data: { valid: boolean; reason?: string } }).data;
    const elapsed = performance.now() - startedAt;
    if (done(data) || performance.now() > deadline) return { data, elapsed };
    await new Promise((resolve) => setTimeout(resolve, 5)); // poll interval
  }
}

const buses = [
  { name: 'PostgreSQL LISTEN/NOTIFY', redisUrl: undefined, missing: !databaseUrl },
  { name: 'Redis pub/sub', redisUrl, missing: !databaseUrl || !redisUrl },
];

for (const bus of buses) {
  describe.skipIf(bus.missing)(`a second instance hears of key changes within 1 s (${bus.name})`, () => {
    let instance: Instance | undefined;
    const savedRedisUrl = process.env.REDIS_URL;

    /** This process publishes on the same bus as the second instance. */
    async function useBus(url: string | undefined) {
      if (url) process.env.REDIS_URL = url;
      else delete process.env.REDIS_URL;
      resetConfigForTests();
      await closeBus();
    }

    beforeAll(async () => {
      expect(t.handle.kind).toBe('postgres');
      await useBus(bus.redisUrl);
      instance = await startSecondInstance(instanceEnv(bus));
    });

    afterAll(async () => {
      await instance?.stop();
      await useBus(savedRedisUrl);
    });

    const verifyThere = async (key: string) => (await postVerify(instance!.baseUrl, { key }, SERVER_SECRET)).body;

    it('the second instance serves a warmed key from its cache: a change written behind its back is not seen', async () => {
      // The control for the measurements below: without the announcement the other instance keeps
      // its cached answer, so what they measure is the bus, not a cache miss.
      const team = await seedTeam(t.db);
      const { key, secret } = await newKey(team.owner);
      expect(await verifyThere(secret)).toMatchObject({ success: true, data: { valid: true, keyId: key.id } });
      await t.db.update(apiKey).set({ revokedAt: new Date() }).where(eq(apiKey.id, key.id));
      for (let i = 0; i < 5; i++) expect(await verifyThere(secret)).toMatchObject({ data: { valid: true } });
    });

    it('a revocation reaches it within one second', async () => {
      const team = await seedTeam(t.db);
      const { key, secret } = await newKey(team.owner);
      expect(await verifyThere(secret)).toMatchObject({ success: true, data: { valid: true, keyId: key.id } });

      const startedAt = performance.now();
      await executeAction(userActor(team.owner), revokeKey, { keyId: key.id });
      const { data, elapsed } = await pollUntil(instance!, secret, startedAt, (d) => d.reason === 'revoked');
      expect(data).toEqual({ valid: false, reason: 'revoked' });
      expect(elapsed).toBeLessThan(PROPAGATION_LIMIT_MS);
    });

    it('a rotation without grace period reaches it within one second: the old key is expired, the new one valid', async () => {
      const team = await seedTeam(t.db);
      const { key, secret } = await newKey(team.owner, { scopes: ['read', 'usage:write'] });
      expect(await verifyThere(secret)).toMatchObject({ success: true, data: { valid: true, keyId: key.id } });

      const startedAt = performance.now();
      const rotated = await executeAction(userActor(team.owner), rotateKey, { keyId: key.id, gracePeriod: '0' });
      const { data, elapsed } = await pollUntil(instance!, secret, startedAt, (d) => d.reason === 'expired');
      expect(data).toEqual({ valid: false, reason: 'expired' });
      expect(elapsed).toBeLessThan(PROPAGATION_LIMIT_MS);
      expect(await verifyThere(rotated.secret)).toMatchObject({ success: true, data: { valid: true, keyId: rotated.key.id, scopes: ['read', 'usage:write'] } });
    });
  });
}
