import type PgBoss from 'pg-boss';
import type { DatabaseHandle } from '../db/types';
import { logError } from '../logging/error-line';
import { createBoss, type BossTiming } from './boss';
import { DELIVER_QUEUE, deliverBatch, type DeliverJob } from './deliver';
import { onOutboxWritten } from './nudge';
import { relayAll } from './relay';

export type JobsOptions = BossTiming & {
  /** The sweep for rows no nudge announced: committed by another instance, or before a crash. */
  sweepIntervalMs?: number;
  /** A job still active this long is taken for lost (its worker died) and run again. */
  expireInSeconds?: number;
  /** false: relay only (a process that should not deliver). */
  work?: boolean;
};

export type Jobs = {
  boss: PgBoss;
  /** Relays now (and again once more if already relaying); resolves when done. */
  relayNow(): Promise<void>;
  stop(): Promise<void>;
};

const DEFAULTS = { sweepIntervalMs: 5_000, expireInSeconds: 120 };
/**
 * pg-boss's own retries cover a job whose worker died or whose bookkeeping failed; a delivery that
 * failed is rescheduled by deliverBatch per its channel's schedule.
 */
const LOST_JOB_RETRIES = { retryLimit: 5, retryDelay: 5, retryBackoff: true };
/**
 * Delivery workers, each fetching and attempting its own batch: a batch ends with its slowest
 * delivery (a receiver may take the whole 10 s timeout), so one slow receiver holds back one worker's
 * batch, not every delivery.
 */
const WORKERS = 4;
const BATCH_SIZE = 25;

/** Starts pg-boss on the database, the relay from the outbox, and the delivery worker. */
export async function startJobs(handle: DatabaseHandle, options: JobsOptions = {}): Promise<Jobs> {
  const settings = { ...DEFAULTS, ...options };
  const boss = createBoss(handle, options);
  boss.on('error', (error) => logError('[jobs] pg-boss', error));
  await boss.start();
  const queue = { name: DELIVER_QUEUE, ...LOST_JOB_RETRIES, expireInSeconds: settings.expireInSeconds };
  await boss.createQueue(DELIVER_QUEUE, queue);
  await boss.updateQueue(DELIVER_QUEUE, queue);

  const workerIds: string[] = [];
  if (options.work !== false) {
    for (let i = 0; i < WORKERS; i++) {
      const id: string = await boss.work<DeliverJob>(DELIVER_QUEUE, { batchSize: BATCH_SIZE, pollingIntervalSeconds: 0.5 }, async (jobs) => {
        await deliverBatch(handle.db, boss, jobs);
        // A full batch: more are likely waiting, so fetch again now rather than after the polling interval.
        if (jobs.length === BATCH_SIZE) boss.notifyWorker(id);
      });
      workerIds.push(id);
    }
  }

  let running: Promise<void> | undefined;
  let again = false;
  const relayNow = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        if ((await relayAll(handle.db, boss)) > 0) for (const id of workerIds) boss.notifyWorker(id);
      } while (again);
    })()
      .catch((error: unknown) => logError('[jobs] relaying the outbox', error))
      .finally(() => (running = undefined));
    return running;
  };
  const stopNudges = onOutboxWritten(() => void relayNow());
  const sweep = setInterval(() => void relayNow(), settings.sweepIntervalMs);
  sweep.unref();
  void relayNow();

  return {
    boss,
    relayNow,
    async stop() {
      stopNudges();
      clearInterval(sweep);
      await running;
      await boss.stop({ graceful: true, wait: true, close: true });
    },
  };
}
