import { eq } from 'drizzle-orm';
import type { Role } from '@config/permissions';
import { hashToken } from '@/platform/crypto/tokens';
import type { Db } from '@/platform/db/types';
import { organization } from '@/platform/tenancy/schema';
import { invitation } from './schema';

export { issueInvitationMail } from './invitation-mail';
export { listTeam, type Team } from './read';
export { invitationView, seatSummary, type InvitationView, type MemberView } from './views';
export { acceptInvitation, changeRole, inviteMember, leaveOrganization, removeMember, resendInvitation, revokeInvitation, staffResendInvitation, staffRevokeInvitation, transferOwnership } from './actions';

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
