import type { Role } from '@config/permissions';
import { seatLimitOf } from '@config/plans';
import type { invitation } from './schema';

export type MemberView = { id: string; userId: string; email: string; name: string; role: Role; lastActiveAt: string | null };
export type InvitationView = { id: string; email: string; role: Role; expiresAt: string; invitedBy: string | null; expired: boolean };

export function invitationView(row: typeof invitation.$inferSelect, invitedBy: string | null): InvitationView {
  return { id: row.id, email: row.email, role: row.role as Role, expiresAt: row.expiresAt.toISOString(), invitedBy, expired: row.expiresAt.getTime() <= Date.now() };
}

export function seatSummary(plan: string, team: { members: unknown[]; invitations: InvitationView[] }) {
  const used = team.members.length + team.invitations.filter((i) => !i.expired).length;
  const limit = seatLimitOf(plan);
  return { used, limit, full: limit !== null && used >= limit };
}
