import { and, eq } from 'drizzle-orm';
import type { Role } from '@config/permissions';
import { user } from '../auth/schema';
import type { Db } from '../db/types';
import { forbidden } from '../http/errors';
import { membership, organization } from './schema';

export type LockedOrganization = { organizationId: string; name: string; plan: string; actorRole: Role; actorMemberId: string; actorName: string };

/**
 * Where a member's write to their organization starts (team changes, API keys): it locks the
 * organization's row, so such writes of one organization happen one after another (limits hold
 * under races), and re-reads the actor's role under that lock (a role read before it may already be
 * stale: two owners racing to transfer ownership must not both succeed).
 */
export async function lockOrganizationForMember(tx: Db, organizationId: string, actorUserId: string): Promise<LockedOrganization> {
  const org = await lockOrganization(tx, organizationId);
  const [me] = await tx
    .select({ id: membership.id, role: membership.role, name: user.name, email: user.email })
    .from(membership)
    .innerJoin(user, eq(user.id, membership.userId))
    .where(and(eq(membership.organizationId, organizationId), eq(membership.userId, actorUserId)));
  if (!org || !me) throw forbidden('You are no longer a member of this organization.');
  return { organizationId: org.id, name: org.name, plan: org.plan, actorRole: me.role as Role, actorMemberId: me.id, actorName: me.name || me.email };
}

/** The organization's row, locked as above, for a write by someone who is not a member (the support team). */
export async function lockOrganization(tx: Db, organizationId: string): Promise<{ id: string; name: string; plan: string } | undefined> {
  const [org] = await tx.select({ id: organization.id, name: organization.name, plan: organization.plan }).from(organization).where(eq(organization.id, organizationId)).for('update');
  return org;
}
