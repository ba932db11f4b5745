import { count } from 'drizzle-orm';
import { executeAction } from '@/platform/actions/execute';
import { getAuth } from '@/platform/auth/auth';
import { user } from '@/platform/auth/schema';
import type { DatabaseHandle, Db } from '@/platform/db/types';
import { organization } from '@/platform/tenancy/schema';
import { seedHelpArticles } from '@/modules/help/service';
import { removeDemoData as removeDemoDataAction, seedDemoOrganization } from './actions';
import { DEMO_PASSWORD, DEMO_SIGN_IN, demoOrganizations } from './data';
import { isDemoOrganization, isDemoPerson } from './filters';

export { DEMO_PASSWORD, DEMO_SIGN_IN };
export const DEMO_DOMAINS = demoOrganizations.map((o) => o.domain);

const system = { type: 'system', organizationId: null } as const;

const presenceSlot = Symbol.for('deflect.demoPresence');
const presence = globalThis as unknown as Record<symbol, { answer: Promise<boolean>; until: number } | undefined>;
/** Another instance's `demo:remove` reaches this one's banner within this time. */
const PRESENCE_TTL_MS = 60_000;

export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(organization);
  return (row?.n ?? 0) === 0;
}

export async function seedDemoData(db: Db): Promise<void> {
  presence[presenceSlot] = undefined;
  const passwordHash = await (await (await getAuth()).$context).password.hash(DEMO_PASSWORD);
  for (const index of demoOrganizations.keys()) {
    await executeAction(system, seedDemoOrganization, { index, passwordHash }, { db });
  }
  await executeAction(system, seedHelpArticles, {}, { db });
}

export async function removeDemoData(db: Db): Promise<{ organizations: number; users: number }> {
  presence[presenceSlot] = undefined;
  return executeAction(system, removeDemoDataAction, {}, { db });
}

/**
 * Whether an empty database gets the demo tenants at start. Their password is public, so a real
 * server (DATABASE_URL) gets them only when asked: `DEMO_DATA=true`, which `npm start -- --demo` sets.
 */
export function demoDataWanted(kind: DatabaseHandle['kind'], demoData: boolean | undefined): boolean {
  return demoData ?? kind === 'pglite';
}

/** Start-up: demo data on an empty database when wanted. A database with anything in it is never touched. */
export async function seedIfEmpty(db: Db, wanted: boolean): Promise<boolean> {
  if (!wanted || !(await isDatabaseEmpty(db))) return false;
  await seedDemoData(db);
  return true;
}

/** True while a demo tenant or a demo person (public password) is in the database. */
export async function demoAccountsExist(db: Db): Promise<boolean> {
  const [organizations, people] = await Promise.all([
    db.select({ id: organization.id }).from(organization).where(isDemoOrganization).limit(1),
    db.select({ id: user.id }).from(user).where(isDemoPerson).limit(1),
  ]);
  return organizations.length + people.length > 0;
}

/** demoAccountsExist, asked at most once a minute per process: the banner shows on every page. */
export function demoAccountsPresent(db: Db, now = Date.now()): Promise<boolean> {
  const cached = presence[presenceSlot];
  if (cached && cached.until > now) return cached.answer;
  const answer = demoAccountsExist(db);
  presence[presenceSlot] = { answer, until: now + PRESENCE_TTL_MS };
  answer.catch(() => (presence[presenceSlot] = undefined));
  return answer;
}
