import { count } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { user } from '@/platform/auth/schema';
import { organization } from '@/platform/tenancy/schema';
import { seedUser, useTestDatabase } from '../../../tests/support/test-db';
import { demoAccountsExist, demoAccountsPresent, demoDataWanted, removeDemoData, seedIfEmpty } from './service';

async function rows(db: Parameters<typeof demoAccountsExist>[0]): Promise<{ organizations: number; users: number }> {
  const [orgs] = await db.select({ n: count() }).from(organization);
  const [people] = await db.select({ n: count() }).from(user);
  return { organizations: orgs?.n ?? 0, users: people?.n ?? 0 };
}

describe('demo data at start-up', () => {
  const database = useTestDatabase();

  it('is wanted on the embedded database by default, on a PostgreSQL server only when asked', () => {
    expect(demoDataWanted('pglite', undefined)).toBe(true);
    expect(demoDataWanted('pglite', false)).toBe(false);
    expect(demoDataWanted('postgres', undefined)).toBe(false);
    expect(demoDataWanted('postgres', false)).toBe(false);
    expect(demoDataWanted('postgres', true)).toBe(true);
  });

  it('a start on an empty PostgreSQL server that did not ask creates no demo account', async () => {
    expect(await seedIfEmpty(database.db, demoDataWanted('postgres', undefined))).toBe(false);
    expect(await rows(database.db)).toEqual({ organizations: 0, users: 0 });
    expect(await demoAccountsExist(database.db)).toBe(false);
  });

  it('asked for (DEMO_DATA=true), the same empty database gets the demo tenants, and the banner check sees them', async () => {
    expect(await seedIfEmpty(database.db, demoDataWanted('postgres', true))).toBe(true);
    expect((await rows(database.db)).organizations).toBe(3);
    expect(await demoAccountsExist(database.db)).toBe(true);
    expect(await demoAccountsPresent(database.db)).toBe(true);
  });

  it('demo:remove leaves no account with the public password, and the banner goes at once in this process', async () => {
    await seedUser(database.db, { email: 'someone@customer.test' });
    await removeDemoData(database.db);
    expect(await demoAccountsExist(database.db)).toBe(false);
    expect(await demoAccountsPresent(database.db)).toBe(false);
    expect(await rows(database.db)).toEqual({ organizations: 0, users: 1 });
  });

  it('a demo person left without a demo tenant still counts as demo data', async () => {
    await seedUser(database.db, { email: 'owner@acme.example' });
    expect(await demoAccountsExist(database.db)).toBe(true);
  });
});
