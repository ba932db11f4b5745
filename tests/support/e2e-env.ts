// Shared by playwright.config.ts, the e2e server launcher and the journeys: where the portal, the
// SMTP sink and the fake Stripe listen during `playwright test`, and the secrets the portal is started with.
// No imports from @playwright/test here: the launcher runs under plain tsx.
import { tmpdir } from 'node:os';
import path from 'node:path';

function port(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw ? Number(raw) : fallback;
  if (!Number.isInteger(value) || value < 1 || value > 65535) throw new Error(`${name} must be a port number, got "${raw}"`);
  return value;
}

/** The portal under test. PORTAL_URL must be exactly the origin the browser uses. */
export const E2E_PORT = port('E2E_PORT', 3210);
export const E2E_BASE_URL = `http://localhost:${E2E_PORT}`;

/** The quick start under test: the portal as a fresh `npm start` runs it, with its demo data and demo billing. */
export const E2E_QUICKSTART_PORT = port('E2E_QUICKSTART_PORT', 3211);
export const E2E_QUICKSTART_URL = `http://localhost:${E2E_QUICKSTART_PORT}`;

/**
 * The product's own domain: a reverse proxy (Debian's nginx, tests/support/e2e-reverse-proxy.ts) serves
 * a stand-in host page at its root and the portal built with BASE_PATH=/account under /account.
 */
export const E2E_PROXY_PORT = port('E2E_PROXY_PORT', 3212);
export const E2E_PROXY_URL = `http://localhost:${E2E_PROXY_PORT}`;
/** The stand-in product's home page at the proxy's root. */
export const E2E_HOST_PRODUCT_TITLE = 'Acme Analytics, the product';
/** The portal behind that proxy, on loopback. */
export const E2E_BASE_PATH_PORT = port('E2E_BASE_PATH_PORT', 3213);
export const E2E_BASE_PATH = '/account';
/** Its own build directory, beside the journeys' `.next`. */
export const E2E_BASE_PATH_DIST_DIR = '.next-base-path';

/** tests/support/smtp-sink.ts: SMTP for the portal, HTTP for the journeys to read mail. */
export const E2E_SMTP_PORT = port('E2E_SMTP_PORT', 2525);
export const E2E_SMTP_HTTP_PORT = port('E2E_SMTP_HTTP_PORT', 2526);
export const E2E_SMTP_URL = `smtp://127.0.0.1:${E2E_SMTP_PORT}`;
export const E2E_SINK_URL = `http://127.0.0.1:${E2E_SMTP_HTTP_PORT}`;

/** src/stripe-simulator/server.ts: the Stripe API the portal talks to, seeded with the demo world. */
export const E2E_STRIPE_PORT = port('E2E_STRIPE_PORT', 12111);
export const E2E_STRIPE_URL = `http://127.0.0.1:${E2E_STRIPE_PORT}`;
export const E2E_STRIPE_SECRET_KEY = 'sk_test_e2e';
/** Signs webhook deliveries, so that a journey can play Stripe sending one. */
export const E2E_STRIPE_WEBHOOK_SECRET = 'whsec_e2e_only';
export const E2E_STRIPE_PORTAL_CONFIG_ID = 'bpc_e2e';

/** A fixed test-only secret: the journeys play the host product's backend with it. */
export const E2E_SERVER_SECRET = 'dfl_srv_e2e-only-secret-not-for-production';
export const E2E_HOST_SECURITY_URL = 'http://host.example/security';
/** Shown on the sections still to come until tickets ship. */
export const E2E_SUPPORT_EMAIL = 'support@vendor.example';

/** The first lead of the support team, added by the launcher with `npm run staff:add` before the portal starts. */
export const E2E_STAFF_LEAD = 'e2e-lead@vendor.example';
/** Where the launcher leaves the set-up link that `npm run staff:add` printed for that lead. */
export const E2E_STAFF_SET_UP_FILE = path.join(tmpdir(), `deflect-e2e-${E2E_PORT}-staff-set-up-link`);

/** The password of every demo user seeded on first start. */
export { DEMO_PASSWORD } from '../../src/modules/demo/data';

/** With TEST_DATABASE_URL (CI), the portal runs on a fresh database of that server with this name. */
export const E2E_DATABASE_NAME = 'deflect_e2e';

export function e2eDatabaseUrl(testDatabaseUrl: string): string {
  const url = new URL(testDatabaseUrl);
  url.pathname = `/${E2E_DATABASE_NAME}`;
  return url.toString();
}
