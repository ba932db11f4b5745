import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { apiReferenceFiles, REGENERATE } from '../../scripts/api-reference';

it.each(apiReferenceFiles())('$path is what the routes’ descriptions generate now', ({ path, text }) => {
  expect(readFileSync(path, 'utf8'), `${path} is stale: run \`${REGENERATE}\` and commit the result.`).toBe(text);
});
