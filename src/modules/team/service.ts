import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Role } from '@config/permissions';
import { seatLimitOf } from '@config/plans';
import type { Actor } from '@/platform/actions/actor';
import { executeAction } from '@/platform/actions/execute';
import { user } from '@/platform/auth/schema';
import { getConfig } from '@/platform/config';
import { hashToken } from '@/platform/crypto/tokens';
import type { Db } from '@/platform/db/types';
import { sendMail } from '@/platform/mail/send-mail';
import { invitationMail } from '@/platform/mail/templates';
import { membership, organization } from '@/platform/tenancy/schema';
import { inviteMember, resendInvitation, staffResendInvitation } from './actions';
import { invitation } from './schema';

export { acceptInvitation, changeRole, leaveOrganization, removeMember, revokeInvitation, staffRevokeInvitation, transferOwnership } from './actions';
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
  return `${getConfig().portalUrl}/invitations/accept?token=${encodeURIComponent(token)}`;
}

type Mailable = { invitation: typeof invitation.$inferSelect; token: string; organizationName: string };

/** Mails an invitation's link once its action committed (a failed mail leaves an invitation to resend). */
async function mailInvitation({ invitation: row, token, organizationName }: Mailable, inviter: string): Promise<InvitationView> {
  await sendMail({ to: row.email, ...invitationMail({ organizationName, inviterName: inviter, role: row.role, url: acceptUrl(token) }) });
  return invitationView(row, inviter);
}

const inviterOf = (actor: Actor | null) => (actor && 'email' in actor ? actor.email : 'Your team');

export async function inviteAndMail(actor: Actor | null, raw: unknown, options: { headers?: Headers } = {}): Promise<InvitationView> {
  return mailInvitation(await executeAction(actor, inviteMember, raw, options), inviterOf(actor));
}

export async function resendAndMail(actor: Actor | null, raw: unknown, options: { headers?: Headers } = {}): Promise<InvitationView> {
  return mailInvitation(await executeAction(actor, resendInvitation, raw, options), inviterOf(actor));
}

/** The support team's resend: the mail names the member who invited, not the support person. */
export async function staffResendAndMail(actor: Actor | null, raw: unknown, options: { headers?: Headers } = {}): Promise<InvitationView> {
  const resent = await executeAction(actor, staffResendInvitation, raw, options);
  return mailInvitation(resent, resent.inviter ?? 'Your team');
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
