// Whether the build directory holds a build of the sources as they are now, for the base path asked
// for: `npm start` and the browser journeys rebuild when it does not, so a `git pull` or a new
// BASE_PATH is never served from the build before it.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const SOURCES = ['src', 'config', 'drizzle', 'next.config.ts', 'tsconfig.json', 'package.json', 'package-lock.json'];

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

/** The base path a build was made for ('' for none), from the settings Next keeps beside it. */
function builtBasePath(distDir) {
  const settings = path.join(distDir, 'required-server-files.json');
  if (!existsSync(settings)) return '';
  return JSON.parse(readFileSync(settings, 'utf8')).config?.basePath ?? '';
}

/**
 * 'missing' (never built), 'stale' (a source changed after the build, or the build is for another
 * base path) or 'fresh'. `distDir` and `basePath` default to what next.config.ts reads.
 */
export function buildState(root = process.cwd(), { distDir = process.env.NEXT_DIST_DIR || '.next', basePath = process.env.BASE_PATH ?? '' } = {}) {
  const dist = path.join(root, distDir);
  const buildId = path.join(dist, 'BUILD_ID');
  if (!existsSync(buildId)) return 'missing';
  if (builtBasePath(dist) !== basePath.replace(/\/+$/, '')) return 'stale';
  return newestChange(SOURCES.map((p) => path.join(root, p))) > statSync(buildId).mtimeMs ? 'stale' : 'fresh';
}
