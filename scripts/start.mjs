// `npm start`: builds when there is no build of the current sources (a first start, or a `git pull`
// since), then serves the portal (scripts/server.mjs). `--demo` seeds the demo tenants into an empty
// database on any server (DEMO_DATA=true); other arguments are passed to the server untouched.
import { spawnSync, spawn } from 'node:child_process';
import { buildState } from './build-freshness.mjs';
import { withServerNodeOptions } from './server-node-options.mjs';

const env = { NEXT_TELEMETRY_DISABLED: '1', ...process.env };
const args = process.argv.slice(2);
if (args.includes('--demo')) env.DEMO_DATA = 'true';

const state = buildState();
if (state !== 'fresh') {
  console.info(state === 'missing' ? 'First start: building the portal (once)…' : 'The sources changed since the last build: building the portal…');
  const build = spawnSync('node_modules/.bin/next', ['build'], { stdio: 'inherit', env });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const server = spawn(process.execPath, ['scripts/server.mjs', ...args.filter((a) => a !== '--demo')], { stdio: 'inherit', env: withServerNodeOptions(env) });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
