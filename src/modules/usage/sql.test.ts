import { describe, expect, it } from 'vitest';
import { arrayParam } from './sql';

describe('arrayParam', () => {
  it('sends values without quotes or backslashes as one quoted array literal', () => {
    expect(arrayParam(['bench-org-1', '{brace},comma', 'NULL', 'ünï ✓', 0.25, 3]).value).toBe('{"bench-org-1","{brace},comma","NULL","ünï ✓","0.25","3"}');
  });

  it('leaves values with a quote or a backslash to the driver to escape', () => {
    const values = ['plain', 'a"quote', 'back\\slash'];
    expect(arrayParam(values).value).toEqual(values);
  });
});
