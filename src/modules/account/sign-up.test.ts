import { count } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { user } from '@/platform/auth/schema';
import { resetConfigForTests } from '@/platform/config';
import { AppError } from '@/platform/http/errors';
import { useTestDatabase } from '../../../tests/support/test-db';
import { signUp } from './sign-in';

const newcomer = { name: 'New Person', email: 'new.person@example.test', password: 'long-enough-password', organizationName: 'Newco' };

async function users(db: ReturnType<typeof useTestDatabase>['db']): Promise<number> {
  const [row] = await db.select({ n: count() }).from(user);
  return row?.n ?? 0;
}

describe('builtin sign-up switched off by configuration', () => {
  const database = useTestDatabase();

  afterEach(() => {
    delete process.env.SIGNUP_ENABLED;
    resetConfigForTests();
  });

  it('refuses an open sign-up and creates nobody', async () => {
    process.env.SIGNUP_ENABLED = 'false';
    resetConfigForTests();
    const before = await users(database.db);
    const refusal = await signUp(newcomer, new Headers({ 'x-forwarded-for': '198.51.100.1' })).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(AppError);
    expect((refusal as AppError).code).toBe('forbidden');
    expect(await users(database.db)).toBe(before);
  });

  it('still lets an invitation through to its own checks (a dead invitation is refused as such)', async () => {
    process.env.SIGNUP_ENABLED = 'false';
    resetConfigForTests();
    const refusal = await signUp({ ...newcomer, organizationName: undefined, invitation: 'not-a-real-token' }, new Headers()).catch((e: unknown) => e);
    expect((refusal as AppError).code).toBe('validation_failed');
    expect((refusal as AppError).message).toBe('This invitation is no longer valid. Ask for a new one.');
  });
});
