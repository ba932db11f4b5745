import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { buildState } from './build-freshness.mjs';

let root: string | undefined;
afterEach(() => root && rmSync(root, { recursive: true, force: true }));

function at(file: string, seconds: number): void {
  const full = path.join(root!, file);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, file);
  utimesSync(full, seconds, seconds);
}

it('asks for a build when there is none, and again when a source changes after it (a git pull)', () => {
  root = mkdtempSync(path.join(tmpdir(), 'deflect-build-'));
  at('src/app/page.tsx', 1_000);
  at('package.json', 1_000);
  expect(buildState(root)).toBe('missing');
  at('.next/BUILD_ID', 2_000);
  expect(buildState(root)).toBe('fresh');
  at('src/modules/team/service.ts', 3_000);
  expect(buildState(root)).toBe('stale');
  at('.next/BUILD_ID', 4_000);
  at('drizzle/0099_new.sql', 5_000);
  expect(buildState(root)).toBe('stale');
});

it('asks for a build when the one there was made for another base path', () => {
  root = mkdtempSync(path.join(tmpdir(), 'deflect-build-'));
  at('src/app/page.tsx', 1_000);
  const builtFor = (basePath: string) => writeFileSync(path.join(root!, '.next/required-server-files.json'), JSON.stringify({ config: { basePath } }));
  at('.next/BUILD_ID', 2_000);
  builtFor('');
  expect(buildState(root, { basePath: '' })).toBe('fresh');
  expect(buildState(root, { basePath: '/account' })).toBe('stale');
  builtFor('/account');
  expect(buildState(root, { basePath: '/account/' })).toBe('fresh');
  expect(buildState(root, { basePath: '' })).toBe('stale');
});

it('looks in the build directory it is given', () => {
  root = mkdtempSync(path.join(tmpdir(), 'deflect-build-'));
  at('src/app/page.tsx', 1_000);
  at('.next/BUILD_ID', 2_000);
  expect(buildState(root, { distDir: '.next-base', basePath: '' })).toBe('missing');
  at('.next-base/BUILD_ID', 2_000);
  expect(buildState(root, { distDir: '.next-base', basePath: '' })).toBe('fresh');
});
