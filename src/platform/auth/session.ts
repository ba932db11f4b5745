import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Role } from '@config/permissions';
import type { Db } from '../db/types';
import { membership, organization } from '../tenancy/schema';
import { account, session as sessionTable, user } from './schema';

export type PortalSession = {
  sessionId: string;
  user: { id: string; email: string; name: string; emailVerified: boolean; twoFactorEnabled: boolean };
  organization: { id: string; externalId: string | null; name: string; plan: string };
  role: Role;
  identity: 'builtin' | 'host';
};

export type AuthSession = {
  session: { id: string; activeOrganizationId?: string | null; lastSeenAt?: Date | null };
  user: { id: string; email: string; name: string; emailVerified: boolean; twoFactorEnabled?: boolean | null };
};

/** A session as stored: its person and the organization it acts in (null without any membership). */
export type SessionRecord = {
  auth: AuthSession;
  expiresAt: Date;
  acting: { organization: PortalSession['organization']; role: string; hasPassword: boolean } | null;
};

const LAST_SEEN_RESOLUTION_MS = 60_000;

/** The membership a session acts in: the active organization's, else the oldest. */
const actingMembership = (db: Db) =>
  db
    .select({ organizationId: membership.organizationId, role: membership.role })
    .from(membership)
    .where(eq(membership.userId, sessionTable.userId))
    .orderBy(desc(sql`${membership.organizationId} = coalesce(${sessionTable.activeOrganizationId}, '')`), asc(membership.createdAt))
    .limit(1)
    .as('acting');

function prepareFindSession(db: Db) {
  const acting = actingMembership(db);
  return db
    .select({
      session: { id: sessionTable.id, expiresAt: sessionTable.expiresAt, activeOrganizationId: sessionTable.activeOrganizationId, lastSeenAt: sessionTable.lastSeenAt },
      user: { id: user.id, email: user.email, name: user.name, emailVerified: user.emailVerified, twoFactorEnabled: user.twoFactorEnabled },
      organization: { id: organization.id, externalId: organization.externalId, name: organization.name, plan: organization.plan },
      role: acting.role,
      hasPassword: sql<boolean>`exists (select 1 from ${account} where ${account.userId} = ${user.id} and ${account.providerId} = 'credential')`,
    })
    .from(sessionTable)
    .innerJoin(user, eq(user.id, sessionTable.userId))
    .leftJoinLateral(acting, sql`true`)
    .leftJoin(organization, eq(organization.id, acting.organizationId))
    .where(eq(sessionTable.token, sql.placeholder('token')))
    .prepare('find_session');
}

// Built once per database handle: the query runs on every request.
const prepared = new WeakMap<Db, ReturnType<typeof prepareFindSession>>();

/**
 * The session of a token with its person and the organization it acts in, in one query: read on every
 * request, so a removed member loses access at once.
 */
export async function findSession(db: Db, token: string): Promise<SessionRecord | null> {
  let query = prepared.get(db);
  if (!query) prepared.set(db, (query = prepareFindSession(db)));
  const [row] = await query.execute({ token });
  if (!row) return null;
  const { expiresAt, ...session } = row.session;
  return {
    auth: { session, user: row.user },
    expiresAt,
    acting: row.organization && row.role ? { organization: row.organization, role: row.role, hasPassword: row.hasPassword } : null,
  };
}

/** Turns a stored session into the portal's: the organization it acts in, the member's role and how the person signs in. */
export async function resolvePortalSession(db: Db, { auth, acting }: SessionRecord): Promise<PortalSession | 'no_membership'> {
  if (!acting) return 'no_membership';
  await touchLastSeen(db, auth, acting.organization.id);
  return {
    sessionId: auth.session.id,
    user: {
      id: auth.user.id,
      email: auth.user.email,
      name: auth.user.name,
      emailVerified: auth.user.emailVerified,
      twoFactorEnabled: Boolean(auth.user.twoFactorEnabled),
    },
    organization: acting.organization,
    role: acting.role as Role,
    identity: acting.hasPassword ? 'builtin' : 'host',
  };
}

/**
 * At most one write a minute per session: enough for "last seen" without a write per page view.
 * Outside the action pipeline, with why: src/platform/actions/outside-pipeline.ts.
 */
async function touchLastSeen(db: Db, auth: AuthSession, organizationId: string): Promise<void> {
  const last = auth.session.lastSeenAt ? new Date(auth.session.lastSeenAt).getTime() : 0;
  if (Date.now() - last < LAST_SEEN_RESOLUTION_MS) return;
  const now = new Date();
  await db.update(sessionTable).set({ lastSeenAt: now }).where(eq(sessionTable.id, auth.session.id));
  await db
    .update(membership)
    .set({ lastActiveAt: now })
    .where(and(eq(membership.userId, auth.user.id), eq(membership.organizationId, organizationId)));
}
