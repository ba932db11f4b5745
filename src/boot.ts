import path from 'node:path';
import { createApiServer } from './api-server';
import { registerChannels } from './channels';
import { flushKeyUses } from './modules/api-keys/service';
import { failAbandonedImports } from './modules/inbox-audit/runner';
import { installRolloutGate } from './modules/rollout/service';
import { retryFailedEvents } from './modules/stripe-sync/service';
import { DEMO_PASSWORD, DEMO_SIGN_IN, demoAccountsExist, demoDataWanted, seedIfEmpty } from './modules/demo/service';
import { getConfig } from './platform/config';
import { stripeSettings } from './platform/stripe/settings';
import { serverSecretState } from './platform/config/server-secret';
import { closeDb, getDatabase } from './platform/db/client';
import { startProcessJobs, stopProcessJobs } from './platform/jobs/process';
import { stampsRequests } from './platform/http/request-stamp.mjs';
import { logError } from './platform/logging/error-line';
import { startDemoBilling } from './stripe-simulator/demo-billing';
import { startupBanner } from './startup-banner';
import { portalUrlFor } from './platform/http/portal-url';

/** Failed webhook events are retried on their back-off schedule; this is how often it is checked. */
const STRIPE_RETRY_INTERVAL_MS = 60_000;

export async function boot(): Promise<void> {
  installRolloutGate(); // before the first request: customer routes ask it
  const config = getConfig();
  const started = Date.now();
  const { db, kind } = await getDatabase();
  const seeded = await seedIfEmpty(db, demoDataWanted(kind, config.DEMO_DATA));
  await failAbandonedImports(db);
  const demoPresent = seeded || (await demoAccountsExist(db));
  // The demo's Stripe customer works without a Stripe account; a configured Stripe is never replaced.
  const demoBilling = demoPresent && !config.STRIPE_SECRET_KEY ? await startDemoBilling({ webhookUrl: portalUrlFor('/api/webhooks/stripe') }) : null;
  registerChannels();
  await startProcessJobs();
  if (config.API_PORT) createApiServer().listen(config.API_PORT);
  if (stripeSettings()?.webhookSecret) setInterval(() => void retryFailedEvents(db).catch((error: unknown) => logError('[stripe] retrying failed events', error)), STRIPE_RETRY_INTERVAL_MS).unref();
  process.once('SIGTERM', () => {
    void flushKeyUses()
      .then(stopProcessJobs)
      .then(closeDb)
      .finally(() => process.exit(0));
  });
  const banner = startupBanner({
    portalUrl: portalUrlFor('/account'),
    database: kind === 'pglite' ? `embedded PostgreSQL in ${path.resolve(config.DATA_DIR, 'pglite')}` : 'PostgreSQL',
    readyInMs: Date.now() - started,
    seeded,
    demoPresent,
    demoSignIn: DEMO_SIGN_IN,
    demoPassword: DEMO_PASSWORD,
    apiPort: config.API_PORT,
    demoBillingUrl: demoBilling?.url,
    serverSecret: serverSecretState(),
    mailDir: config.SMTP_URL ? undefined : path.resolve(config.DATA_DIR, 'mail'),
    clientAddressesUnknown: !stampsRequests(),
  });
  console.info(banner);
}
