// `npm run api-server [-- --port 3001]`: the lean server of POST /api/v1/keys/verify and
// POST /api/v1/usage-events on its own, for a deployment that routes those paths to separate
// processes. It needs DATABASE_URL (a real PostgreSQL: PGlite belongs to one process). With the
// portal on PGlite, set API_PORT for `npm start` instead, which serves them inside the portal's process.
import type { AddressInfo } from 'node:net';
import { createApiServer } from '@/api-server';
import { flushKeyUses } from '@/modules/api-keys/service';
import { getConfig } from '@/platform/config';
import { closeDb, getDatabase } from '@/platform/db/client';
import { closeBus } from '@/platform/pubsub/bus';

async function main(): Promise<void> {
  const portArg = process.argv.indexOf('--port');
  const port = portArg > 0 ? Number(process.argv[portArg + 1]) : (getConfig().API_PORT ?? 3001);
  if ((await getDatabase()).kind !== 'postgres') throw new Error('The standalone API server needs DATABASE_URL (PostgreSQL).');
  const server = createApiServer();
  server.listen(port, () => console.info(`API server listening on port ${(server.address() as AddressInfo).port}`));
  const stop = () => {
    server.close();
    void flushKeyUses()
      .then(closeBus)
      .then(closeDb)
      .finally(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

void main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
