import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, it } from 'vitest';
import { openApiDocument } from './document';

const API_DIR = 'src/app/api';
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

/** Route folders that are not public contract, each with the reason. */
const excluded: Record<string, string> = {
  '/api/auth/[...all]':
    'Better Auth’s handler: it serves only the links people follow from mails and the handoff (pages for a browser, not a JSON API); everything else answers 404.',
  '/api/admin/auth/[...all]': 'The staff Better Auth instance’s handler: it serves only the staff handoff link (a page for a browser); everything else answers 404.',
};

/** `src/app/api/v1/organizations/[externalId]/route.ts` → `/api/v1/organizations/{externalId}`. */
function routePathOf(file: string): string {
  const dir = path.posix.dirname(file.split(path.sep).join('/'));
  return `/api${dir === '.' ? '' : `/${dir}`}`;
}

async function routesOnDisk(): Promise<{ folders: string[]; methods: Record<string, string[]> }> {
  const files = readdirSync(API_DIR, { recursive: true, encoding: 'utf8' }).filter((f) => path.basename(f) === 'route.ts');
  const folders = files.map(routePathOf);
  const methods: Record<string, string[]> = {};
  for (const file of files) {
    const folder = routePathOf(file);
    if (folder in excluded) continue;
    const exports = (await import(pathToFileURL(path.resolve(API_DIR, file)).href)) as Record<string, unknown>;
    methods[folder.replace(/\[(\w+)\]/g, '{$1}')] = METHODS.filter((m) => typeof exports[m] === 'function');
  }
  return { folders, methods };
}

function documentedMethods(): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(openApiDocument().paths).map(([p, item]) => [p, METHODS.filter((m) => m.toLowerCase() in item)]),
  );
}

it('documents every method of every public route file, and nothing that has no route', async () => {
  const { methods: onDisk } = await routesOnDisk();
  const documented = documentedMethods();
  const undocumented = Object.entries(onDisk).flatMap(([p, ms]) => ms.filter((m) => !documented[p]?.includes(m)).map((m) => `${m} ${p}`));
  const withoutRoute = Object.entries(documented).flatMap(([p, ms]) => ms.filter((m) => !onDisk[p]?.includes(m)).map((m) => `${m} ${p}`));
  expect(undocumented, 'routes missing from src/app/api/openapi.json/*-operations.ts').toEqual([]);
  expect(withoutRoute, 'operations without a route exporting that method').toEqual([]);
});

it('excludes only route folders that exist', async () => {
  const { folders } = await routesOnDisk();
  expect(folders).toEqual(expect.arrayContaining(Object.keys(excluded)));
});
