// A portal process reduced to its queue: relays and delivers until killed (the crash test's victim).
import { openPglite, openPostgres } from '../../src/platform/db/open';
import { startJobs } from '../../src/platform/jobs/runtime';
import { registerHttpTestChannel } from './http-test-channel';

async function main(): Promise<void> {
  const { DELIVERY_DATABASE_URL: url, DELIVERY_PGLITE_DIR: dataDir, RECEIVER_URL: receiverUrl } = process.env;
  const handle = url ? await openPostgres(url, { migrate: false, max: 4 }) : await openPglite({ dataDir: dataDir!, migrate: false });
  registerHttpTestChannel(receiverUrl!);
  const jobs = await startJobs(handle, { expireInSeconds: 2, maintenanceIntervalSeconds: 1, sweepIntervalMs: 500 });
  process.once('SIGTERM', () => {
    void jobs
      .stop()
      .then(() => handle.close())
      .finally(() => process.exit(0));
  });
  console.info('ready');
}

void main();
