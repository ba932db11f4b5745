import path from 'node:path';
import { createApiServer } from './api-server';
import { flushKeyUses } from './modules/api-keys/service';
import { retryFailedEvents } from './modules/stripe-sync/service';
import { DEMO_PASSWORD, DEMO_SIGN_IN, seedIfEmpty } from './modules/demo/service';
import { getConfig } from './platform/config';
import { getServerSecret } from './platform/config/server-secret';
import { closeDb, getDatabase } from './platform/db/client';
import { stampsRequests } from './platform/http/request-stamp.mjs';
import { logError } from './platform/logging/error-line';

/** Failed webhook events are retried on their back-off schedule; this is how often it is checked. */
const STRIPE_RETRY_INTERVAL_MS = 60_000;

export async function boot(): Promise<void> {
  const config = getConfig();
  const started = Date.now();
  const { db, kind } = await getDatabase();
  const seeded = await seedIfEmpty(db);
  if (config.API_PORT) createApiServer().listen(config.API_PORT);
  if (config.STRIPE_WEBHOOK_SECRET) setInterval(() => void retryFailedEvents(db).catch((error: unknown) => logError('[stripe] retrying failed events', error)), STRIPE_RETRY_INTERVAL_MS).unref();
  process.once('SIGTERM', () => {
    void flushKeyUses()
      .then(closeDb)
      .finally(() => process.exit(0));
  });
  const lines = [
    '',
    `  Deflect is ready at ${config.portalUrl}/account  (${kind === 'pglite' ? `embedded PostgreSQL in ${path.resolve(config.DATA_DIR, 'pglite')}` : 'PostgreSQL'}, ready in ${Date.now() - started} ms)`,
    seeded ? '  Demo data seeded.' : null,
    config.API_PORT ? `  Key verification (POST /api/v1/keys/verify) and usage ingest (POST /api/v1/usage-events) also on port ${config.API_PORT}.` : null,
    `  Demo sign-in: ${DEMO_SIGN_IN} / ${DEMO_PASSWORD}  (every role: admin@, billing@, member@, viewer@acme.example)`,
    config.PORTAL_SERVER_SECRET ? null : `  Server secret (generated into ${config.DATA_DIR}/server-secret): ${getServerSecret()}`,
    stampsRequests() ? null : '  Not served by scripts/server.mjs (`npm start`): client addresses are unknown, so every client shares one rate limit.',
    config.SMTP_URL ? null : `  Mail is written to ${path.resolve(config.DATA_DIR, 'mail')} (set SMTP_URL to send it).`,
    '',
  ];
  console.info(lines.filter((l) => l !== null).join('\n'));
}
