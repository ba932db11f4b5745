import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Role } from '@config/permissions';
import { seatLimitOf } from '@config/plans';
import type { Actor } from '@/platform/actions/actor';
import { executeAction } from '@/platform/actions/execute';
import { user } from '@/platform/auth/schema';
import { hashToken } from '@/platform/crypto/tokens';
import type { Db } from '@/platform/db/types';
import { sendMail } from '@/platform/mail/send-mail';
import { invitationMail } from '@/platform/mail/templates';
import { membership, organization } from '@/platform/tenancy/schema';
import { inviteMember, resendInvitation } from './actions';
import { invitation } from './schema';
import { portalUrlFor } from '@/platform/http/portal-url';

export { acceptInvitation, changeRole, leaveOrganization, removeMember, revokeInvitation, transferOwnership } from './actions';
export { acceptInput, changeRoleInput, inviteInput, memberIdInput } from './inputs';

export type MemberView = { id: string; userId: string; email: string; name: string; role: Role; lastActiveAt: string | null };
export type InvitationView = { id: string; email: string; role: Role; expiresAt: string; invitedBy: string | null; expired: boolean };

export function invitationView(row: typeof invitation.$inferSelect, invitedBy: string | null): InvitationView {
  return { id: row.id, email: row.email, role: row.role as Role, expiresAt: row.expiresAt.toISOString(), invitedBy, expired: row.expiresAt.getTime() <= Date.now() };
}

export async function listTeam(db: Db, organizationId: string): Promise<{ members: MemberView[]; invitations: InvitationView[] }> {
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

export function seatSummary(plan: string, team: { members: unknown[]; invitations: InvitationView[] }) {
  const used = team.members.length + team.invitations.filter((i) => !i.expired).length;
  const limit = seatLimitOf(plan);
  return { used, limit, full: limit !== null && used >= limit };
}

function acceptUrl(token: string): string {
  return portalUrlFor(`/invitations/accept?token=${encodeURIComponent(token)}`);
}

async function mailInvitation(to: string, role: string, organizationName: string, inviter: string, token: string): Promise<void> {
  await sendMail({ to, ...invitationMail({ organizationName, inviterName: inviter, role, url: acceptUrl(token) }) });
}

/** Invites, then mails the link (after the commit: a failed mail leaves an invitation to resend). */
export async function inviteAndMail(actor: Actor | null, raw: unknown, options: { headers?: Headers } = {}): Promise<InvitationView> {
  const { invitation: created, token, organizationName } = await executeAction(actor, inviteMember, raw, options);
  const inviter = actor && 'email' in actor ? actor.email : 'Your team';
  await mailInvitation(created.email, created.role, organizationName, inviter, token);
  return invitationView(created, inviter);
}

export async function resendAndMail(actor: Actor | null, raw: unknown, options: { headers?: Headers } = {}): Promise<InvitationView> {
  const { invitation: updated, token, organizationName } = await executeAction(actor, resendInvitation, raw, options);
  const inviter = actor && 'email' in actor ? actor.email : 'Your team';
  await mailInvitation(updated.email, updated.role, organizationName, inviter, token);
  return invitationView(updated, inviter);
}

export type InvitationPreview =
  | { state: 'open'; email: string; role: Role; organizationName: string; organizationId: string }
  | { state: 'expired' | 'used' | 'invalid' };

/** What the accept page shows before anyone signs in; never reveals more than the link holder knows. */
export async function previewInvitation(db: Db, token: string): Promise<InvitationPreview> {
  const [row] = await db
    .select({ row: invitation, organizationName: organization.name })
    .from(invitation)
    .innerJoin(organization, eq(organization.id, invitation.organizationId))
    .where(eq(invitation.tokenHash, hashToken(token)));
  if (!row || row.row.revokedAt) return { state: 'invalid' };
  if (row.row.acceptedAt) return { state: 'used' };
  if (row.row.expiresAt.getTime() <= Date.now()) return { state: 'expired' };
  return { state: 'open', email: row.row.email, role: row.row.role as Role, organizationName: row.organizationName, organizationId: row.row.organizationId };
}
