import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../tests/support/test-db';
import { rowsOfPrepared } from './prepared';

const t = useTestDatabase();

const doubled = (n: number) => sql`select ${n}::int * 2 as value`;
const tripled = (n: number) => sql`select ${n}::int * 3 as value`;

describe('rowsOfPrepared', () => {
  it('answers each call with its own parameters, and another text with its own statement', async () => {
    await t.db.transaction(async (tx) => {
      expect(await rowsOfPrepared(tx, doubled(2))).toEqual([{ value: 4 }]);
      expect(await rowsOfPrepared(tx, doubled(5))).toEqual([{ value: 10 }]);
      expect(await rowsOfPrepared(tx, tripled(5))).toEqual([{ value: 15 }]);
    });
  });

  it('prepares each text once per connection on PostgreSQL', async () => {
    const prepared = await t.db.transaction(async (tx) => {
      for (const n of [1, 2, 3]) await rowsOfPrepared(tx, doubled(n));
      await rowsOfPrepared(tx, tripled(1));
      return rowsOfPrepared<{ statement: string }>(tx, sql`select statement from pg_prepared_statements where name like 'deflect\\_%' order by statement`);
    });
    if (t.handle.kind === 'pglite') return void expect(prepared).toEqual([]); // PGlite runs every statement unnamed
    expect(prepared.map((p) => p.statement)).toEqual(expect.arrayContaining(['select $1::int * 2 as value', 'select $1::int * 3 as value']));
    expect(prepared.filter((p) => p.statement === 'select $1::int * 2 as value')).toHaveLength(1);
  });
});
