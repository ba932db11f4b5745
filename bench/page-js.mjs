// JavaScript a browser downloads for /sign-in and for the signed-in /account, gzip-sized here
// (zlib, default level) rather than trusting transfer sizes.
//   node bench/page-js.mjs [--verbose]
import { gzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import { checkBuilt, fmt, freePort, launchBrowser, machineNote, printTable, removeDir, signInWithForm, startServer, tempDataDir, waitFor200 } from './lib.mjs';

const { values: args } = parseArgs({ options: { verbose: { type: 'boolean', default: false } } });
const REFERENCE_KB = 179; // gzip JS of the reference page
const GOAL_KB = 119; // two thirds of it
const kB = (bytes) => bytes / 1000;

checkBuilt();
const machine = machineNote(); // before our own server adds to the load
const watchdog = setTimeout(() => {
  console.error('page-js bench: overall time limit reached, giving up.');
  process.exit(1);
}, 300_000);
watchdog.unref();

/** Opens `path` in a fresh context (empty cache) and gzips every script response it loads. */
async function scriptsOf(browser, baseUrl, path, storageState) {
  const context = await browser.newContext(storageState ? { storageState } : {});
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    const pending = [];
    page.on('response', (response) => {
      if (response.request().resourceType() !== 'script') return;
      pending.push(
        response
          .body()
          .then((body) => ({ url: response.url(), status: response.status(), raw: body.length, gzip: gzipSync(body).length }))
          .catch((error) => ({ url: response.url(), status: response.status(), raw: 0, gzip: 0, error: error.message })),
      );
    });
    await page.goto(`${baseUrl}${path}`, { waitUntil: 'networkidle', timeout: 60_000 });
    const finalPath = new URL(page.url()).pathname;
    if (finalPath !== path) throw new Error(`${path} ended on ${finalPath}`);
    // Inline <script> (the RSC payload and bootstrap) is part of the HTML, not counted above.
    const inline = await page.evaluate(() => [...document.scripts].filter((s) => !s.src).map((s) => s.textContent ?? '').join('\n'));
    const files = new Map();
    for (const f of await Promise.all(pending)) files.set(f.url, f);
    return { files: [...files.values()], inlineGzip: gzipSync(Buffer.from(inline)).length };
  } finally {
    await context.close();
  }
}

function report(title, { files, inlineGzip }) {
  const total = files.reduce((s, f) => s + f.gzip, 0);
  const raw = files.reduce((s, f) => s + f.raw, 0);
  console.log(`\n${title}: ${files.length} script files, ${fmt(kB(total), 1)} kB gzip (${fmt(kB(raw), 1)} kB raw)`);
  printTable([
    ['file', 'raw kB', 'gzip kB'],
    ...[...files].sort((a, b) => b.gzip - a.gzip).map((f) => [new URL(f.url).pathname + (f.error ? `  (body unavailable: ${f.error})` : ''), fmt(kB(f.raw), 1), fmt(kB(f.gzip), 1)]),
    ['total', fmt(kB(raw), 1), fmt(kB(total), 1)],
  ]);
  console.log(`(not counted: inline <script> in the HTML, ${fmt(kB(inlineGzip), 1)} kB gzip)`);
  return total;
}

const dataDir = tempDataDir();
const server = startServer({ port: await freePort(), dataDir, quiet: !args.verbose });
let browser;
const totals = {};
try {
  await waitFor200(server, '/sign-in', { deadlineMs: 180_000 });
  browser = await launchBrowser();
  console.log(`Deflect page JS bench — Chromium ${browser.version()}, gzip = zlib default level, kB = 1000 bytes`);
  console.log(`  ${machine}`);
  totals['/sign-in'] = report('/sign-in (signed out)', await scriptsOf(browser, server.url, '/sign-in'));

  const signInContext = await browser.newContext();
  await signInWithForm(signInContext, server.url);
  const storageState = await signInContext.storageState();
  await signInContext.close();
  totals['/account'] = report('/account (signed in)', await scriptsOf(browser, server.url, '/account', storageState));
} finally {
  await browser?.close();
  await server.stop();
  removeDir(dataDir);
}

console.log('');
printTable([
  ['page', 'JS gzip', 'reference', 'ours/reference', 'goal (⅔ ref)', 'ours/goal'],
  ...Object.entries(totals).map(([page, bytes]) => [page, `${fmt(kB(bytes), 1)} kB`, `${REFERENCE_KB} kB`, fmt(kB(bytes) / REFERENCE_KB, 2), `≤ ${GOAL_KB} kB`, fmt(kB(bytes) / GOAL_KB, 2)]),
]);
console.log('\nEvery response of resource type "script" until network idle, each from an empty cache; ratio ≤ 1 meets the goal.');
process.exit(0);
