import { defineConfig, devices } from '@playwright/test';
import { E2E_BASE_PATH, E2E_BASE_PATH_PORT, E2E_BASE_URL, E2E_PROXY_URL, E2E_QUICKSTART_URL, E2E_SINK_URL, E2E_SMTP_HTTP_PORT, E2E_SMTP_PORT, E2E_STRIPE_PORT, E2E_STRIPE_URL } from './tests/support/e2e-env';

const ci = Boolean(process.env.CI);

const chromium = {
  ...devices['Desktop Chrome'],
  launchOptions: {
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  },
};
const quickStartSpec = /quick-start\.spec\.ts/;
const basePathSpec = /base-path\.spec\.ts/;

const portal = {
  // Builds when .next/BUILD_ID is missing, prepares a fresh database, then scripts/server.mjs.
  command: 'npx tsx tests/support/e2e-server.ts',
  url: `${E2E_BASE_URL}/api/health`,
  reuseExistingServer: !ci,
  // A cold CI runner builds first (one to two minutes here), then migrates and seeds.
  timeout: 480_000,
  stdout: 'pipe' as const,
  gracefulShutdown: { signal: 'SIGTERM' as const, timeout: 10_000 },
};

/**
 * The customer journeys, in Debian's Chromium (never `playwright install`), against a production
 * build of the portal on a fresh database, with a local SMTP sink for the mails and a fake Stripe.
 * TEST_DATABASE_URL set (CI): the portal runs on real PostgreSQL; otherwise on PGlite.
 * The quick-start project runs against a second portal started as a fresh `npm start` is.
 */
export default defineConfig({
  testDir: './tests/e2e',
  outputDir: './test-results',
  // The journeys share one server and a small machine; one at a time keeps them predictable.
  fullyParallel: false,
  workers: 1,
  forbidOnly: ci,
  retries: ci ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: ci ? [['list'], ['html', { open: 'never' }]] : [['list']],
  use: {
    baseURL: E2E_BASE_URL,
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'chromium', use: chromium, testIgnore: [quickStartSpec, basePathSpec] },
    { name: 'quick-start', use: { ...chromium, baseURL: E2E_QUICKSTART_URL }, testMatch: quickStartSpec },
    // The product's own domain: the browser talks to nginx only.
    { name: 'base-path', use: { ...chromium, baseURL: E2E_PROXY_URL }, testMatch: basePathSpec },
  ],
  webServer: [
    {
      // Started first: the portal sends its mails here.
      command: `npx tsx tests/support/smtp-sink.ts --port ${E2E_SMTP_PORT} --http ${E2E_SMTP_HTTP_PORT}`,
      url: `${E2E_SINK_URL}/messages`,
      reuseExistingServer: !ci,
      timeout: 30_000,
      stdout: 'pipe',
      gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
    },
    {
      // Started before the portal: a Stripe customer's first look at billing fetches from here.
      command: `npx tsx src/stripe-simulator/server.ts --port ${E2E_STRIPE_PORT}`,
      url: `${E2E_STRIPE_URL}/__control/events`,
      reuseExistingServer: !ci,
      timeout: 30_000,
      stdout: 'pipe',
      gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
    },
    portal,
    // After the portal above, so that it finds the build: embedded database, demo data and demo billing.
    { ...portal, command: 'npx tsx tests/support/e2e-server.ts --quick-start', url: `${E2E_QUICKSTART_URL}/api/health` },
    // Built a second time, for BASE_PATH=/account, into its own directory; then nginx in front of it.
    { ...portal, command: 'npx tsx tests/support/e2e-server.ts --base-path', url: `http://127.0.0.1:${E2E_BASE_PATH_PORT}${E2E_BASE_PATH}/api/health` },
    {
      command: 'npx tsx tests/support/e2e-reverse-proxy.ts',
      url: `${E2E_PROXY_URL}${E2E_BASE_PATH}/api/health`,
      reuseExistingServer: !ci,
      timeout: 30_000,
      stdout: 'pipe',
      gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
    },
  ],
});
