import { count } from 'drizzle-orm';
import { executeAction } from '@/platform/actions/execute';
import { getAuth } from '@/platform/auth/auth';
import type { Db } from '@/platform/db/types';
import { organization } from '@/platform/tenancy/schema';
import { removeDemoData as removeDemoDataAction, seedDemoOrganization } from './actions';
import { DEMO_PASSWORD, DEMO_SIGN_IN, demoOrganizations } from './data';

export { DEMO_PASSWORD, DEMO_SIGN_IN };

const system = { type: 'system', organizationId: null } as const;

export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(organization);
  return (row?.n ?? 0) === 0;
}

export async function seedDemoData(db: Db): Promise<void> {
  const passwordHash = await (await (await getAuth()).$context).password.hash(DEMO_PASSWORD);
  for (const index of demoOrganizations.keys()) {
    await executeAction(system, seedDemoOrganization, { index, passwordHash }, { db });
  }
}

export async function removeDemoData(db: Db): Promise<void> {
  await executeAction(system, removeDemoDataAction, {}, { db });
}

/** First start on an empty database: demo data. A database with anything in it is never touched. */
export async function seedIfEmpty(db: Db): Promise<boolean> {
  if (!(await isDatabaseEmpty(db))) return false;
  await seedDemoData(db);
  return true;
}
