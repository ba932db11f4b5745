import { and, eq, sql } from 'drizzle-orm';
import type { Role } from '@config/permissions';
import type { Db } from '@/platform/db/types';
import { forbidden } from '@/platform/http/errors';
import { membership, organization } from '@/platform/tenancy/schema';

export type LockedTeam = { organizationId: string; name: string; plan: string; actorRole: Role; actorMemberId: string };

/**
 * Every team write starts here: it locks the organization's row, so team changes of one organization
 * happen one after another, and re-reads the actor's role under that lock (a role read before it may
 * already be stale: two owners racing to transfer ownership must not both succeed).
 */
export async function lockTeam(tx: Db, organizationId: string, actorUserId: string): Promise<LockedTeam> {
  const [org] = await tx
    .select({ id: organization.id, name: organization.name, plan: organization.plan })
    .from(organization)
    .where(eq(organization.id, organizationId))
    .for('update');
  const [me] = await tx
    .select({ id: membership.id, role: membership.role })
    .from(membership)
    .where(and(eq(membership.organizationId, organizationId), eq(membership.userId, actorUserId)));
  if (!org || !me) throw forbidden('You are no longer a member of this organization.');
  return { organizationId: org.id, name: org.name, plan: org.plan, actorRole: me.role as Role, actorMemberId: me.id };
}

/** Seats in use: members plus open, unexpired invitations. */
export async function seatsInUse(tx: Db, organizationId: string): Promise<number> {
  const result = await tx.execute<{ n: number }>(sql`
    select (select count(*) from membership where organization_id = ${organizationId})
         + (select count(*) from invitation where organization_id = ${organizationId}
              and accepted_at is null and revoked_at is null and expires_at > now()) as n`);
  return Number((result as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0);
}
