import { getDatabase } from '../db/client';
import { startJobs, type Jobs } from './runtime';

// One queue per process, on globalThis for the same reason as the database handle (Next's bundles).
const slot = Symbol.for('deflect.jobs');
const holder = globalThis as unknown as Record<symbol, Promise<Jobs> | undefined>;

/** Starts the process's queue, relay and worker on the configured database (once). */
export function startProcessJobs(): Promise<Jobs> {
  return (holder[slot] ??= getDatabase().then((handle) => startJobs(handle)));
}

/** Stops them, before the database closes. */
export async function stopProcessJobs(): Promise<void> {
  const jobs = holder[slot];
  holder[slot] = undefined;
  if (jobs) await (await jobs).stop();
}
