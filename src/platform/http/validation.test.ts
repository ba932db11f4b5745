import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { AppError } from './errors';
import { parseInput } from './validation';

const schema = z.object({ name: z.string(), tags: z.array(z.string()), nested: z.object({ note: z.string() }) });

describe('parseInput', () => {
  it('names every string holding a NUL character, which PostgreSQL cannot store, as a field error', () => {
    let refused: unknown;
    try {
      parseInput(schema, { name: 'a\u0000', tags: ['ok', 'b\u0000c'], nested: { note: '\u0000' } });
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).fields).toEqual({
      name: expect.stringContaining('NUL'),
      'tags.1': expect.stringContaining('NUL'),
      'nested.note': expect.stringContaining('NUL'),
    });
  });

  it('returns valid input as zod parsed it', () => {
    expect(parseInput(schema, { name: 'Acme', tags: [], nested: { note: 'fine' } })).toEqual({ name: 'Acme', tags: [], nested: { note: 'fine' } });
  });
});
