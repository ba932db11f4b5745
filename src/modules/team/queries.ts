import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { assignableRoles, canChangeRole, canRemove, type Role } from '@config/permissions';
import type { Actor } from '@/platform/actions/actor';
import { permits } from '@/platform/actions/authorize';
import { defineQuery } from '@/platform/actions/define-query';
import { notFound } from '@/platform/http/errors';
import { organization } from '@/platform/tenancy/schema';
import { listTeam, type Team } from './read';
import { seatSummary, type MemberView } from './views';

const noInput = z.object({}).optional();

/** Members and open invitations (`GET /api/account/team`). */
export const teamQuery = defineQuery({
  name: 'team.read',
  input: noInput,
  run: ({ db, organizationId }) => listTeam(db, organizationId),
});

export type TeamMemberRow = MemberView & { self: boolean; roleOptions: Role[]; removable: boolean };

export type TeamScreen = Omit<Team, 'members'> & {
  members: TeamMemberRow[];
  plan: string;
  seats: ReturnType<typeof seatSummary>;
  /** What the reader may do here; the actions check again. */
  allowed: { invite: boolean; inviteRoles: Role[]; leave: boolean; transferOwnership: boolean };
};

const memberRoleOf = (actor: Actor): Role | null => (actor.type === 'user' ? actor.role : null);

/** The Team screen: the team, its seats, and per member what the reader may change. */
export const teamScreenQuery = defineQuery({
  name: 'team.read',
  input: noInput,
  async run({ actor, db, organizationId }): Promise<TeamScreen> {
    const [team, [org]] = await Promise.all([listTeam(db, organizationId), db.select({ plan: organization.plan }).from(organization).where(eq(organization.id, organizationId))]);
    if (!org) throw notFound('Organization');
    const me = memberRoleOf(actor);
    const self = (m: MemberView) => actor.type === 'user' && m.userId === actor.userId;
    const members = team.members.map((m) => ({
      ...m,
      self: self(m),
      roleOptions: me ? assignableRoles(me).filter((to) => canChangeRole(me, m.role, to)) : [],
      removable: me !== null && canRemove(me, m.role),
    }));
    const invite = permits(actor, 'team.invite');
    return {
      ...team,
      members,
      plan: org.plan,
      seats: seatSummary(org.plan, team),
      allowed: { invite, inviteRoles: invite && me ? assignableRoles(me) : [], leave: permits(actor, 'team.leave'), transferOwnership: permits(actor, 'team.transfer_ownership') },
    };
  },
});
