import { DrizzleQueryError } from 'drizzle-orm/errors';
import { describe, expect, it, vi } from 'vitest';
import { toFormState } from '../actions/form-action';
import { describeError, statementName } from './error-line';

const query = 'update "billing_details" set "company_name" = $1, "vat_id" = $2 where "organization_id" = $3';
const params = ['Globex Billing GmbH', 'DE811907980', 'org-1'];
function driverError(message: string, code: string) {
  return Object.assign(new Error(message), { code, constraint: 'billing_details_vat_check', detail: `Failing row contains (Globex Billing GmbH, DE811907980).` });
}

describe('describeError', () => {
  it.each([
    ['a Drizzle query error', new DrizzleQueryError(query, params, driverError('new row violates check constraint', '23514'))],
    ['a driver error quoting a value', new DrizzleQueryError(query, params, driverError('invalid input syntax for type uuid: "DE811907980"', '22P02'))],
    ['an error wrapping a Drizzle error', new Error(`failed: ${params.join(', ')}`, { cause: new DrizzleQueryError(query, params, driverError('x', '23505')) })],
  ])('keeps %s to its kind, SQLSTATE and statement name', (_case, error) => {
    const line = JSON.stringify(describeError(error, 'req-1'));
    expect(line).toMatch(/"code":"(23514|22P02|23505)"/);
    expect(line).toContain(`"statement":"${statementName(query)}"`);
    expect(line).toContain('"requestId":"req-1"');
    for (const value of [...params, 'company_name', 'Failing row', '$1']) expect(line).not.toContain(value);
  });

  it('names a statement by verb, table and a hash of its text', () => {
    expect(statementName(query)).toMatch(/^update billing_details [0-9a-f]{8}$/);
    expect(statementName('insert into "organization" ("id") values ($1)')).toMatch(/^insert organization /);
    expect(statementName('select "id" from "user" where "email" = $1')).toMatch(/^select user /);
    expect(statementName("select * from invoice where note = 'Globex'")).not.toContain('Globex');
  });

  it('a form logs the same line, and tells the person nothing of the error', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const state = await toFormState(async () => {
      throw new DrizzleQueryError(query, params, driverError('value too long', '22001'));
    });
    const log = logged.mock.calls.flat().join(' ');
    logged.mockRestore();
    expect(state).toEqual({ status: 'error', message: 'Something went wrong on our side. Please try again.' });
    expect(log).toContain('"code":"22001"');
    for (const value of params) expect(log).not.toContain(value);
  });
});
