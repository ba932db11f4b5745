// `npm run verify-server [-- --port 3001]`: the lean POST /api/v1/keys/verify server on its own, for
// a deployment that routes that path to separate processes. It needs DATABASE_URL (a real
// PostgreSQL: PGlite belongs to one process). With the portal on PGlite, set VERIFY_PORT for
// `npm start` instead, which serves it inside the portal's process.
import type { AddressInfo } from 'node:net';
import { createVerifyServer, flushKeyUses } from '@/modules/api-keys/service';
import { getConfig } from '@/platform/config';
import { closeDb, getDatabase } from '@/platform/db/client';
import { closeBus } from '@/platform/pubsub/bus';

async function main(): Promise<void> {
  const portArg = process.argv.indexOf('--port');
  const port = portArg > 0 ? Number(process.argv[portArg + 1]) : (getConfig().VERIFY_PORT ?? 3001);
  if ((await getDatabase()).kind !== 'postgres') throw new Error('The standalone verify server needs DATABASE_URL (PostgreSQL).');
  const server = createVerifyServer();
  server.listen(port, () => console.info(`verify server listening on port ${(server.address() as AddressInfo).port}`));
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
