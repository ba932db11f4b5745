// Starts the portal for the Playwright journeys (playwright.config.ts runs it as a webServer):
//   1. builds when there is no build yet (a fresh CI clone), when the sources changed after the last
//      build (scripts/build-freshness.mjs), or when E2E_REBUILD=1;
//   2. gives the server a fresh database: a new temporary DATA_DIR (PGlite) or, when
//      TEST_DATABASE_URL is set, a freshly re-created database on that PostgreSQL server; for the
//      journeys, with the support team's first lead added to it (`npm run staff:add`, see addFirstLead);
//   3. runs scripts/server.mjs (as `npm start` does) with the test configuration, and removes the
//      temporary DATA_DIR when it ends. E2E_TRUST_PROXY, when set, becomes its TRUST_PROXY.
// With --quick-start it is instead the portal as a fresh `npm start` runs it (E2E_QUICKSTART_PORT):
// PGlite in a new DATA_DIR, no settings but the port and the suite's SMTP sink, so the demo data and
// the demo billing are the quick start's own.
// With --base-path it is the portal built with BASE_PATH=/account (in its own build directory) that
// the reverse proxy puts on the product's domain (E2E_PROXY_URL): PGlite, demo data and demo billing,
// the host's server secret, and the proxy on loopback as its one trusted hop.
// The database is prepared here rather than in a globalSetup because Playwright starts its web
// servers before running globalSetup.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { buildState } from '../../scripts/build-freshness.mjs';
import { serverNodeOptions } from '../../scripts/server-node-options.mjs';
import { envSchema } from '../../src/platform/config/env';
import {
  E2E_BASE_PATH,
  E2E_BASE_PATH_DIST_DIR,
  E2E_BASE_PATH_PORT,
  E2E_BASE_URL,
  E2E_PROXY_URL,
  E2E_DATABASE_NAME,
  E2E_HOST_SECURITY_URL,
  E2E_PORT,
  E2E_QUICKSTART_PORT,
  E2E_SERVER_SECRET,
  E2E_SMTP_URL,
  E2E_STAFF_LEAD,
  E2E_STAFF_SET_UP_FILE,
  E2E_STRIPE_PORTAL_CONFIG_ID,
  E2E_STRIPE_SECRET_KEY,
  E2E_STRIPE_URL,
  E2E_STRIPE_WEBHOOK_SECRET,
  E2E_SUPPORT_EMAIL,
  e2eDatabaseUrl,
} from './e2e-env';

const nextBin = path.resolve('node_modules/.bin/next');
const quickStart = process.argv.includes('--quick-start');
const underBasePath = process.argv.includes('--base-path');
/** What next.config.ts reads at build time: the base path and the build directory. */
const buildSettings = underBasePath ? { BASE_PATH: E2E_BASE_PATH, NEXT_DIST_DIR: E2E_BASE_PATH_DIST_DIR } : { BASE_PATH: '', NEXT_DIST_DIR: '' };

function build(): void {
  const state = buildState(process.cwd(), { distDir: buildSettings.NEXT_DIST_DIR || '.next', basePath: buildSettings.BASE_PATH });
  // The quick start is started after the journeys' portal, whose launcher has rebuilt if asked to.
  if (state === 'fresh' && (quickStart || process.env.E2E_REBUILD !== '1')) return;
  console.info(`[e2e] running \`next build\`${underBasePath ? ` for BASE_PATH=${E2E_BASE_PATH}` : ''} (${state === 'fresh' ? 'E2E_REBUILD=1' : state === 'stale' ? 'the sources changed since the last build' : 'no build yet'})…`);
  const result = spawnSync(nextBin, ['build'], { stdio: 'inherit', env: { ...process.env, ...buildSettings, NEXT_TELEMETRY_DISABLED: '1' } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** Drops and re-creates the e2e database, so every run starts from migrations and the demo seed. */
async function freshPostgres(testDatabaseUrl: string): Promise<string> {
  const admin = new Client({ connectionString: testDatabaseUrl });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${E2E_DATABASE_NAME} with (force)`);
    await admin.query(`create database ${E2E_DATABASE_NAME}`);
  } finally {
    await admin.end();
  }
  return e2eDatabaseUrl(testDatabaseUrl);
}

/** A newcomer's `npm start`: none of the portal's settings, whatever the surrounding shell (or CI) has set. */
function quickStartEnv(dataDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
  for (const key of [...Object.keys(envSchema.shape), 'TRUST_PROXY']) delete env[key];
  // Mail goes to the suite's sink, so that the journeys can read the invitations.
  console.info(`[e2e] starting the quick start on port ${E2E_QUICKSTART_PORT} with PGlite in ${dataDir}`);
  return { ...env, NODE_ENV: 'production', PORT: String(E2E_QUICKSTART_PORT), DATA_DIR: dataDir, SMTP_URL: E2E_SMTP_URL };
}

/** The portal on the product's domain: reached only through the reverse proxy, under /account. */
function basePathEnv(dataDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
  for (const key of [...Object.keys(envSchema.shape), 'TRUST_PROXY']) delete env[key];
  console.info(`[e2e] starting the portal for ${E2E_PROXY_URL}${E2E_BASE_PATH} on port ${E2E_BASE_PATH_PORT} with PGlite in ${dataDir}`);
  return {
    ...env,
    ...buildSettings,
    NODE_ENV: 'production',
    PORT: String(E2E_BASE_PATH_PORT),
    PORTAL_URL: E2E_PROXY_URL,
    DATA_DIR: dataDir,
    PORTAL_SERVER_SECRET: E2E_SERVER_SECRET,
    SMTP_URL: E2E_SMTP_URL,
    TRUST_PROXY: 'loopback',
  };
}

async function journeysEnv(dataDir: string): Promise<NodeJS.ProcessEnv> {
  const testDatabaseUrl = process.env.TEST_DATABASE_URL;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    PORT: String(E2E_PORT),
    PORTAL_URL: E2E_BASE_URL,
    DATA_DIR: dataDir,
    PORTAL_SERVER_SECRET: E2E_SERVER_SECRET,
    SMTP_URL: E2E_SMTP_URL,
    // The journeys sign in as the demo people, on PostgreSQL (CI) as on PGlite.
    DEMO_DATA: 'true',
    SUPPORT_EMAIL: E2E_SUPPORT_EMAIL,
    HOST_SECURITY_URL: E2E_HOST_SECURITY_URL,
    // Stripe is the fake one playwright.config.ts starts first (src/stripe-simulator/server.ts).
    STRIPE_SECRET_KEY: E2E_STRIPE_SECRET_KEY,
    STRIPE_API_URL: E2E_STRIPE_URL,
    STRIPE_WEBHOOK_SECRET: E2E_STRIPE_WEBHOOK_SECRET,
    STRIPE_PORTAL_CONFIG_ID: E2E_STRIPE_PORTAL_CONFIG_ID,
  };
  // The journeys expect the defaults for everything else, whatever the surrounding shell has set.
  for (const key of ['DATABASE_URL', 'HOST_SIGN_IN_URL', 'DISABLED_SECTIONS', 'SIGNUP_ENABLED', 'REDIS_URL', 'USAGE_SOURCE', 'USAGE_STRIPE_METERS', 'TRUST_PROXY']) delete env[key];
  if (process.env.E2E_TRUST_PROXY) env.TRUST_PROXY = process.env.E2E_TRUST_PROXY;
  if (testDatabaseUrl) env.DATABASE_URL = await freshPostgres(testDatabaseUrl);
  console.info(`[e2e] starting the portal on ${E2E_BASE_URL} with ${testDatabaseUrl ? `PostgreSQL database ${E2E_DATABASE_NAME}` : `PGlite in ${dataDir}`}`);
  return env;
}

/** E2E_SEED: a script that writes a journey's fixtures into the fresh database before the portal opens it. */
function runSeed(env: NodeJS.ProcessEnv, script: string): void {
  const result = spawnSync(path.resolve('node_modules/.bin/tsx'), [script], { env, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) throw new Error(`the seed ${script} failed`);
}

/**
 * The support team's first lead, added as a README tells an operator to: `npm run staff:add` on the
 * portal's database before it starts (PGlite is one process's). The journey follows the printed link.
 */
function addFirstLead(env: NodeJS.ProcessEnv): void {
  const result = spawnSync(path.resolve('node_modules/.bin/tsx'), ['scripts/staff-add.ts', E2E_STAFF_LEAD, '--role', 'lead'], { env, encoding: 'utf8' });
  const link = result.stdout.split('\n').find((line) => line.startsWith('http'));
  if (result.status !== 0 || !link) throw new Error(`npm run staff:add failed: ${result.stderr}${result.stdout}`);
  writeFileSync(E2E_STAFF_SET_UP_FILE, link);
}

async function main(): Promise<void> {
  build();

  const dataDir = mkdtempSync(path.join(tmpdir(), 'deflect-e2e-'));
  const env = quickStart ? quickStartEnv(dataDir) : underBasePath ? basePathEnv(dataDir) : await journeysEnv(dataDir);
  if (!quickStart && !underBasePath) addFirstLead(env);
  if (!quickStart && !underBasePath && process.env.E2E_SEED) runSeed(env, process.env.E2E_SEED);
  const port = quickStart ? E2E_QUICKSTART_PORT : underBasePath ? E2E_BASE_PATH_PORT : E2E_PORT;
  const server = spawn(process.execPath, [...serverNodeOptions, 'scripts/server.mjs', '-p', String(port), ...(underBasePath ? ['-H', '127.0.0.1'] : [])], { stdio: 'inherit', env });
  const cleanUp = () => rmSync(dataDir, { recursive: true, force: true });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (server.exitCode === null) server.kill(signal);
    });
  }
  server.on('exit', (code, signal) => {
    cleanUp();
    process.exit(code ?? (signal ? 0 : 1));
  });
}

main().catch((error: unknown) => {
  console.error('[e2e] could not start the portal:', error);
  process.exit(1);
});
