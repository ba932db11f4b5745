import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Role } from '@config/permissions';
import type { Db } from '../db/types';
import { membership, organization } from '../tenancy/schema';
import { account, session as sessionTable } from './schema';

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

const LAST_SEEN_RESOLUTION_MS = 60_000;

/**
 * Turns a Better Auth session into the portal's: the organization it acts in (the active one, else
 * the oldest membership), the member's role and how the person signs in. One query, read on every
 * request, so a removed member loses access at once.
 */
export async function resolvePortalSession(db: Db, auth: AuthSession): Promise<PortalSession | 'no_membership'> {
  const active = auth.session.activeOrganizationId ?? '';
  const [row] = await db
    .select({
      organization: { id: organization.id, externalId: organization.externalId, name: organization.name, plan: organization.plan },
      role: membership.role,
      hasPassword: sql<boolean>`exists (select 1 from ${account} where ${account.userId} = ${auth.user.id} and ${account.providerId} = 'credential')`,
    })
    .from(membership)
    .innerJoin(organization, eq(organization.id, membership.organizationId))
    .where(eq(membership.userId, auth.user.id))
    .orderBy(desc(sql`${membership.organizationId} = ${active}`), asc(membership.createdAt))
    .limit(1);
  if (!row) return 'no_membership';
  await touchLastSeen(db, auth, row.organization.id);
  return {
    sessionId: auth.session.id,
    user: {
      id: auth.user.id,
      email: auth.user.email,
      name: auth.user.name,
      emailVerified: auth.user.emailVerified,
      twoFactorEnabled: Boolean(auth.user.twoFactorEnabled),
    },
    organization: row.organization,
    role: row.role as Role,
    identity: row.hasPassword ? 'builtin' : 'host',
  };
}

/** At most one write a minute per session: enough for "last seen" without a write per page view. */
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
