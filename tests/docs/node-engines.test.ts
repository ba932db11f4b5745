import { readFileSync } from 'node:fs';
import semver from 'semver';
import { expect, it } from 'vitest';

type Lock = { packages: Record<string, { version?: string; engines?: { node?: string } | string[] }> };

it('every locked package says it runs on the oldest Node the project supports', () => {
  const project = JSON.parse(readFileSync('package.json', 'utf8')) as { engines: { node: string } };
  const oldest = semver.minVersion(project.engines.node)!.version;
  const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as Lock;
  const refused = Object.entries(lock.packages)
    .filter(([, pkg]) => {
      const range = Array.isArray(pkg.engines) ? undefined : pkg.engines?.node;
      return range !== undefined && !semver.satisfies(oldest, range, { includePrerelease: true });
    })
    .map(([name, pkg]) => `${name.replace(/^node_modules\//, '')}@${pkg.version}`);
  expect(refused, `these need a newer Node than ${oldest}`).toEqual([]);
});
