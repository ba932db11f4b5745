import { randomBytes, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, inject } from 'vitest';
import type { Role } from '@config/permissions';
import type { Actor } from '@/platform/actions/actor';
import { account, session, user } from '@/platform/auth/schema';
import { findSession, resolvePortalSession, type PortalSession } from '@/platform/auth/session';
import { closeDb, useDatabase } from '@/platform/db/client';
import { openPglite, openPostgres } from '@/platform/db/open';
import { closeBus } from '@/platform/pubsub/bus';
import type { DatabaseHandle, Db } from '@/platform/db/types';
import { membership, organization } from '@/platform/tenancy/schema';
import '../setup/context';
import { createDatabase, databaseUrl, dropDatabase, withAdmin } from './postgres-admin';

export type TestDatabase = DatabaseHandle & {
  /** PostgreSQL only: the connection URL of this test database. */
  url?: string;
};

let snapshot: Buffer | undefined;

/**
 * A fresh, migrated database of its own: PGlite in memory loaded from the run's snapshot, or, when
 * TEST_DATABASE_URL is set, a new database cloned from the run's template (dropped on close()).
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const template = inject('testDatabase');
  if (template.kind === 'pglite') {
    snapshot ??= await readFile(template.snapshotPath);
    return openPglite({ loadDataDir: new Blob([new Uint8Array(snapshot)]), migrate: false });
  }
  const name = `${template.template}_${randomBytes(6).toString('hex')}`;
  await withAdmin(template.adminUrl, (client) => createDatabase(client, name, template.template));
  const url = databaseUrl(template.adminUrl, name);
  const handle = await openPostgres(url, { migrate: false });
  let closing: Promise<void> | undefined;
  return {
    ...handle,
    url,
    close: () =>
      (closing ??= (async () => {
        await handle.close();
        await withAdmin(template.adminUrl, (client) => dropDatabase(client, name));
      })()),
  };
}

/** An empty database (no migrations), PostgreSQL only: for testing the migrator itself. */
export async function createEmptyPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const template = inject('testDatabase');
  if (template.kind !== 'postgres') throw new Error('createEmptyPostgresDatabase needs TEST_DATABASE_URL');
  const name = `${template.template}_${randomBytes(6).toString('hex')}`;
  await withAdmin(template.adminUrl, (client) => createDatabase(client, name, 'template0'));
  return { url: databaseUrl(template.adminUrl, name), drop: () => withAdmin(template.adminUrl, (client) => dropDatabase(client, name)) };
}

/**
 * Gives the calling test file its own database for all of its tests and points the process-wide
 * `getDb()` at it, so code under test that opens no handle of its own uses it too.
 */
export function useTestDatabase(): { readonly db: Db; readonly handle: TestDatabase } {
  let handle: TestDatabase | undefined;
  beforeAll(async () => {
    handle = await createTestDatabase();
    useDatabase(handle);
  });
  afterAll(async () => {
    await closeBus(); // its listener (the rollout's cache holds one) is a connection to this database
    await closeDb();
  });
  return {
    get handle() {
      if (!handle) throw new Error('useTestDatabase(): the database is opened in beforeAll');
      return handle;
    },
    get db() {
      return this.handle.db;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Fixtures: plain inserts, no business rules, unique values per call.

let counter = 0;
function unique(): string {
  return `${process.pid}-${++counter}-${randomBytes(3).toString('hex')}`;
}

export type SeededUser = { userId: string; email: string; name: string };

export async function seedUser(db: Db, options: { email?: string; name?: string; externalId?: string; password?: boolean } = {}): Promise<SeededUser> {
  const id = randomUUID();
  const suffix = unique();
  const email = options.email ?? `user-${suffix}@example.test`;
  const name = options.name ?? `User ${suffix}`;
  await db.insert(user).values({ id, email, name, emailVerified: true, externalId: options.externalId ?? null });
  if (options.password) {
    await db.insert(account).values({ id: randomUUID(), accountId: id, providerId: 'credential', userId: id, password: 'not-a-real-hash' });
  }
  return { userId: id, email, name };
}

export type SeededOrg = SeededUser & { organizationId: string; membershipId: string; role: Role };

/** A user (new unless `userId` is given), an organization and the membership between them. */
export async function seedOrg(
  db: Db,
  options: { role?: Role; userId?: string; organizationId?: string; name?: string; createdAt?: Date } = {},
): Promise<SeededOrg> {
  const person = options.userId
    ? (await db.select({ userId: user.id, email: user.email, name: user.name }).from(user).where(eq(user.id, options.userId)))[0]!
    : await seedUser(db);
  let organizationId = options.organizationId;
  if (!organizationId) {
    organizationId = randomUUID();
    await db.insert(organization).values({ id: organizationId, externalId: `org-${unique()}`, name: options.name ?? `Org ${unique()}` });
  }
  const role = options.role ?? 'owner';
  const membershipId = randomUUID();
  await db.insert(membership).values({ id: membershipId, organizationId, userId: person.userId, role, createdAt: options.createdAt ?? new Date() });
  return { ...person, organizationId, membershipId, role };
}

export async function seedSession(
  db: Db,
  userId: string,
  options: { activeOrganizationId?: string; lastSeenAt?: Date; userAgent?: string } = {},
): Promise<{ id: string; token: string }> {
  const id = randomUUID();
  const token = randomBytes(16).toString('hex');
  await db.insert(session).values({
    id,
    token,
    userId,
    expiresAt: new Date(Date.now() + 24 * 3600_000),
    activeOrganizationId: options.activeOrganizationId ?? null,
    lastSeenAt: options.lastSeenAt ?? null,
    userAgent: options.userAgent ?? null,
  });
  return { id, token };
}

/** The actor of a signed-in member, as the route layer would build it. */
export function userActor(member: SeededOrg, extra: { sessionId?: string; ip?: string; userAgent?: string } = {}): Actor {
  return { type: 'user', userId: member.userId, email: member.email, organizationId: member.organizationId, role: member.role, ...extra };
}

export const hostActor: Actor = { type: 'host', organizationId: null, ip: '203.0.113.7', userAgent: 'host-backend/1.0' };

/**
 * The database handle for calls that race: on PostgreSQL a pool of its own with a connection for each
 * of up to `connections` racers (so none waits for a connection); on PGlite (one connection) the test
 * database itself, where the racers take turns. Read `.db` inside tests, after beforeAll.
 */
export function useRacers(t: { readonly handle: TestDatabase; readonly db: Db }, connections: number): { readonly db: Db } {
  let pool: DatabaseHandle | undefined;
  beforeAll(async () => {
    if (t.handle.kind === 'postgres') pool = await openPostgres(t.handle.url!, { migrate: false, max: connections });
  });
  afterAll(async () => {
    await pool?.close();
  });
  return {
    get db() {
      return pool?.db ?? t.db;
    },
  };
}

/** The portal session of a session token, as a request resolves it. */
export async function portalSessionOf(db: Db, token: string): Promise<PortalSession | 'no_membership'> {
  const record = await findSession(db, token);
  if (!record) throw new Error('no such session');
  return resolvePortalSession(db, record);
}
