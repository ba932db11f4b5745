import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Role } from '@config/permissions';
import { user } from '@/platform/auth/schema';
import type { Db } from '@/platform/db/types';
import { membership } from '@/platform/tenancy/schema';
import { invitation } from './schema';
import { invitationView, type InvitationView, type MemberView } from './views';

export type Team = { members: MemberView[]; invitations: InvitationView[] };

/** The organization's members, oldest first, and its open invitations. */
export async function listTeam(db: Db, organizationId: string): Promise<Team> {
  const [members, invitations] = await Promise.all([
    db
      .select({ id: membership.id, userId: membership.userId, email: user.email, name: user.name, role: membership.role, lastActiveAt: membership.lastActiveAt })
      .from(membership)
      .innerJoin(user, eq(user.id, membership.userId))
      .where(eq(membership.organizationId, organizationId))
      .orderBy(asc(membership.createdAt)),
    db
      .select({ row: invitation, invitedBy: user.email })
      .from(invitation)
      .leftJoin(user, eq(user.id, invitation.invitedBy))
      .where(and(eq(invitation.organizationId, organizationId), isNull(invitation.acceptedAt), isNull(invitation.revokedAt)))
      .orderBy(asc(invitation.createdAt)),
  ]);
  return {
    members: members.map((m) => ({ ...m, role: m.role as Role, lastActiveAt: m.lastActiveAt?.toISOString() ?? null })),
    invitations: invitations.map((i) => invitationView(i.row, i.invitedBy)),
  };
}
