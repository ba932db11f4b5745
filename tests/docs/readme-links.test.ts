import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';

it('every relative link of the README and the docs names a file inside the repository', () => {
  const root = process.cwd();
  const broken = ['README.md', 'docs/api.md'].flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/\]\(([^)\s]+)\)/g)]
      .map((match) => match[1]!.split('#')[0]!)
      .filter((target) => target !== '' && !/^[a-z]+:/i.test(target))
      .filter((target) => {
        const resolved = path.resolve(path.dirname(file), target);
        return !resolved.startsWith(root + path.sep) || !existsSync(resolved);
      })
      .map((target) => `${file} → ${target}`),
  );
  expect(broken).toEqual([]);
});
