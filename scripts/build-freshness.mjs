// Whether `.next` holds a build of the sources as they are now: `npm start` and the browser journeys
// rebuild when it does not, so a `git pull` is never served from the build before it.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const SOURCES = ['src', 'config', 'drizzle', 'next.config.ts', 'tsconfig.json', 'package.json', 'package-lock.json'];
const BUILD_ID = '.next/BUILD_ID';

/** Newest modification time under the given paths (files or directories), in ms. */
function newestChange(paths) {
  let newest = 0;
  const visit = (p) => {
    const stat = statSync(p, { throwIfNoEntry: false });
    if (!stat) return;
    if (stat.isDirectory()) for (const entry of readdirSync(p)) visit(path.join(p, entry));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  paths.forEach(visit);
  return newest;
}

/** 'missing' (never built), 'stale' (a source changed after the build) or 'fresh'. */
export function buildState(root = process.cwd()) {
  const buildId = path.join(root, BUILD_ID);
  if (!existsSync(buildId)) return 'missing';
  return newestChange(SOURCES.map((p) => path.join(root, p))) > statSync(buildId).mtimeMs ? 'stale' : 'fresh';
}
