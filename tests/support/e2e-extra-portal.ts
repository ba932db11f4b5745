// A second portal for the journeys that must not share the main one's state: the sign-in limits lock
// the test machine's address, and TRUST_PROXY is fixed per process. Started by the same launcher as the
// main portal (tests/support/e2e-server.ts), on a free port and a PGlite database of its own, with the
// same SMTP sink and fake Stripe.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

export type ExtraPortal = { baseUrl: string; stop(): Promise<void> };

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

async function untilHealthy(baseUrl: string, child: ChildProcess, deadlineMs: number): Promise<void> {
  const end = Date.now() + deadlineMs;
  while (Date.now() < end) {
    if (child.exitCode !== null) throw new Error(`the extra portal exited with ${child.exitCode}`);
    const healthy = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(5_000) }).then((r) => r.ok, () => false);
    if (healthy) return;
    await new Promise((resolve) => setTimeout(resolve, 250)); // polling interval, not a synchronisation
  }
  throw new Error(`the extra portal did not answer /api/health within ${deadlineMs} ms`);
}

/** `seed`: a script run on the portal's fresh database before it starts (E2E_SEED of e2e-server.ts). */
export async function startExtraPortal({ trustProxy, seed }: { trustProxy?: string; seed?: string } = {}): Promise<ExtraPortal> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, E2E_PORT: String(port) };
  // Its own PGlite database (the PostgreSQL e2e database belongs to the main portal), no rebuild.
  for (const key of ['TEST_DATABASE_URL', 'E2E_REBUILD', 'E2E_TRUST_PROXY', 'E2E_SEED']) delete env[key];
  if (trustProxy) env.E2E_TRUST_PROXY = trustProxy;
  if (seed) env.E2E_SEED = seed;
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/e2e-server.ts'], { env, stdio: ['ignore', 'inherit', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const baseUrl = `http://localhost:${port}`;
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
  };
  try {
    await untilHealthy(baseUrl, child, 180_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, stop };
}
