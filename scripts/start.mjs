// `npm start`: builds once if there is no build yet, then serves the portal (scripts/server.mjs).
// Extra arguments are passed to the server untouched.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { withServerNodeOptions } from './server-node-options.mjs';

const next = 'node_modules/.bin/next';
if (!existsSync('.next/BUILD_ID')) {
  console.info('First start: building the portal (once)…');
  const build = spawnSync(next, ['build'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const server = spawn(process.execPath, ['scripts/server.mjs', ...process.argv.slice(2)], { stdio: 'inherit', env: withServerNodeOptions(process.env) });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
