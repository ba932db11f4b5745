import { and, eq, isNull } from 'drizzle-orm';
import { canChangeRole, canInviteAs, canRemove, canTransferOwnershipTo, type Role } from '@config/permissions';
import { planLabels, seatLimitOf, type Plan } from '@config/plans';
import { defineAction, type ActionContext } from '@/platform/actions/define';
import { customerInReach } from '@/platform/actions/staff-reach';
import { session, user } from '@/platform/auth/schema';
import { hashToken } from '@/platform/crypto/tokens';
import { AppError, conflict, forbidden, notFound } from '@/platform/http/errors';
import { lockOrganization, lockOrganizationForMember } from '@/platform/tenancy/lock';
import { membership } from '@/platform/tenancy/schema';
import { acceptInput, changeRoleInput, invitationIdInput, inviteInput, leaveInput, memberIdInput } from './inputs';
import { unmailedTokenHash } from './invitation-mail';
import { seatsInUse } from './seats';
import { invitation } from './schema';
import { invitationView } from './views';

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** Who the invitation names as inviting. */
const inviterOf = (actor: ActionContext['actor']) => ('email' in actor ? actor.email : 'Your team');

function memberActor(ctx: ActionContext) {
  if (ctx.actor.type !== 'user') throw forbidden();
  return ctx.actor;
}

async function findMember(tx: ActionContext['tx'], organizationId: string, memberId: string) {
  const [row] = await tx
    .select({ id: membership.id, userId: membership.userId, role: membership.role, email: user.email, name: user.name })
    .from(membership)
    .innerJoin(user, eq(user.id, membership.userId))
    .where(and(eq(membership.id, memberId), eq(membership.organizationId, organizationId)));
  if (!row) throw notFound('Member');
  return { ...row, role: row.role as Role };
}

/** The acting member and their team, locked (see platform/tenancy/lock.ts): where every team write starts. */
async function lockActorTeam(ctx: ActionContext) {
  const actor = memberActor(ctx);
  return { actor, team: await lockOrganizationForMember(ctx.tx, actor.organizationId, actor.userId) };
}

/** The team, locked, and the member an action is about (of this organization, else not found). */
async function lockTeamAndMember(ctx: ActionContext, memberId: string) {
  const { actor, team } = await lockActorTeam(ctx);
  return { actor, team, target: await findMember(ctx.tx, team.organizationId, memberId) };
}

export const inviteMember = defineAction({
  name: 'team.invite',
  input: inviteInput,
  async run(ctx, input) {
    const { actor, team } = await lockActorTeam(ctx);
    if (!canInviteAs(team.actorRole, input.role)) throw forbidden(`You cannot invite someone as ${input.role}.`);
    const [existing] = await ctx.tx
      .select({ id: membership.id })
      .from(membership)
      .innerJoin(user, eq(user.id, membership.userId))
      .where(and(eq(membership.organizationId, team.organizationId), eq(user.email, input.email)));
    if (existing) throw conflict(`${input.email} is already a member of ${team.name}.`);
    const now = new Date();
    const [open] = await ctx.tx
      .select({ id: invitation.id, expiresAt: invitation.expiresAt })
      .from(invitation)
      .where(and(eq(invitation.organizationId, team.organizationId), eq(invitation.email, input.email), isNull(invitation.acceptedAt), isNull(invitation.revokedAt)));
    if (open && open.expiresAt > now) throw conflict(`${input.email} already has a pending invitation. Resend it instead.`);
    if (open) await ctx.tx.update(invitation).set({ revokedAt: now }).where(eq(invitation.id, open.id)); // an expired one is replaced
    const limit = seatLimitOf(team.plan);
    if (limit !== null && (await seatsInUse(ctx.tx, team.organizationId)) >= limit) {
      const plan = planLabels[team.plan as Plan] ?? team.plan;
      throw new AppError('conflict', `The ${plan} plan includes ${limit} seats and all are in use. Upgrade your plan in Billing (/account/billing) to invite more people.`, {
        email: `All ${limit} seats of the ${plan} plan are in use.`,
      });
    }
    // The link is issued when the mail goes out (team/invitation-mail.ts), the event's consumer.
    const [created] = await ctx.tx
      .insert(invitation)
      .values({ id: crypto.randomUUID(), organizationId: team.organizationId, email: input.email, role: input.role, tokenHash: unmailedTokenHash(), invitedBy: actor.userId, expiresAt: new Date(now.getTime() + INVITATION_TTL_MS) })
      .returning();
    ctx.emit('team.member_invited', { invitationId: created!.id, email: input.email, role: input.role });
    return {
      result: { invitation: invitationView(created!, inviterOf(ctx.actor)) },
      audit: { entityType: 'invitation', entityId: created!.id, after: { email: input.email, role: input.role, expiresAt: created!.expiresAt } },
    };
  },
});

/** Changes an invitation of this organization that is still open; anything else is not found. */
async function updateOpenInvitation(tx: ActionContext['tx'], organizationId: string, invitationId: string, changes: Partial<typeof invitation.$inferInsert>) {
  const [updated] = await tx
    .update(invitation)
    .set(changes)
    .where(and(eq(invitation.id, invitationId), eq(invitation.organizationId, organizationId), isNull(invitation.acceptedAt), isNull(invitation.revokedAt)))
    .returning();
  if (!updated) throw notFound('Invitation');
  return updated;
}

/** The old link stops working at once, a fresh 7 days; the event's consumer mails a fresh link. */
async function renewOpenInvitation(ctx: ActionContext, organizationId: string, invitationId: string) {
  const expiresAt = new Date(Date.now() + INVITATION_TTL_MS);
  const updated = await updateOpenInvitation(ctx.tx, organizationId, invitationId, { tokenHash: unmailedTokenHash(), expiresAt });
  ctx.emit('team.invitation_resent', { invitationId: updated.id, email: updated.email, role: updated.role as Role });
  return { updated, audit: { entityType: 'invitation', entityId: updated.id, after: { resent: true, expiresAt } } };
}

async function closeOpenInvitation(ctx: ActionContext, organizationId: string, invitationId: string) {
  const revoked = await updateOpenInvitation(ctx.tx, organizationId, invitationId, { revokedAt: new Date() });
  ctx.emit('team.invitation_revoked', { invitationId: revoked.id, email: revoked.email });
  return { revoked, audit: { entityType: 'invitation', entityId: revoked.id, before: { email: revoked.email, role: revoked.role, status: 'pending' }, after: { status: 'revoked' } } };
}

export const resendInvitation = defineAction({
  name: 'team.resend_invitation',
  input: invitationIdInput,
  async run(ctx, input) {
    const { team } = await lockActorTeam(ctx);
    const { updated, audit } = await renewOpenInvitation(ctx, team.organizationId, input.invitationId);
    const [inviter] = updated.invitedBy ? await ctx.tx.select({ email: user.email }).from(user).where(eq(user.id, updated.invitedBy)) : [];
    return { result: { invitation: invitationView(updated, inviter?.email ?? null) }, audit };
  },
});

export const revokeInvitation = defineAction({
  name: 'team.revoke_invitation',
  input: invitationIdInput,
  async run(ctx, input) {
    const { team } = await lockActorTeam(ctx);
    const { revoked, audit } = await closeOpenInvitation(ctx, team.organizationId, input.invitationId);
    return { result: { invitation: invitationView(revoked, null) }, audit };
  },
});

/** The customer whose invitation the support team acts on, locked as a member's team write locks it. */
async function lockInvitationCustomer(ctx: ActionContext, invitationId: string) {
  const [row] = await ctx.tx.select({ organizationId: invitation.organizationId }).from(invitation).where(eq(invitation.id, invitationId));
  const org = await lockOrganization(ctx.tx, customerInReach(ctx.actor, row?.organizationId, 'Invitation'));
  if (!org) throw notFound('Invitation');
  return org;
}

/** The support team resends a customer's open invitation; the mail names whoever invited them. */
export const staffResendInvitation = defineAction({
  name: 'staff.invitations.resend',
  input: invitationIdInput,
  async run(ctx, input) {
    const org = await lockInvitationCustomer(ctx, input.invitationId);
    const { updated, audit } = await renewOpenInvitation(ctx, org.id, input.invitationId);
    const [inviter] = updated.invitedBy ? await ctx.tx.select({ email: user.email }).from(user).where(eq(user.id, updated.invitedBy)) : [];
    return { result: { invitation: invitationView(updated, inviter?.email ?? null) }, audit: { organizationId: org.id, ...audit } };
  },
});

export const staffRevokeInvitation = defineAction({
  name: 'staff.invitations.revoke',
  input: invitationIdInput,
  async run(ctx, input) {
    const org = await lockInvitationCustomer(ctx, input.invitationId);
    const { revoked, audit } = await closeOpenInvitation(ctx, org.id, input.invitationId);
    return { result: { invitation: invitationView(revoked, null) }, audit: { organizationId: org.id, ...audit } };
  },
});

export const acceptInvitation = defineAction({
  name: 'team.accept_invitation',
  input: acceptInput,
  openToSignedInPeople: true,
  async run(ctx, input) {
    if (ctx.actor.type !== 'person' && ctx.actor.type !== 'user') throw forbidden();
    const { userId, email, sessionId } = ctx.actor;
    // The row lock makes two simultaneous accepts of one link take turns: the second finds it used.
    const [found] = await ctx.tx.select().from(invitation).where(eq(invitation.tokenHash, hashToken(input.token))).for('update');
    if (!found || found.revokedAt) throw notFound('Invitation');
    if (found.acceptedAt) throw conflict('This invitation has already been used.');
    if (found.expiresAt <= new Date()) throw new AppError('conflict', 'This invitation has expired. Ask for a new one.');
    if (found.email !== email.toLowerCase()) throw forbidden(`This invitation was sent to ${found.email}. Sign in with that address to accept it.`);
    await ctx.tx.update(invitation).set({ acceptedAt: new Date() }).where(eq(invitation.id, found.id));
    const [joined] = await ctx.tx
      .insert(membership)
      .values({ id: crypto.randomUUID(), organizationId: found.organizationId, userId, role: found.role })
      .onConflictDoNothing()
      .returning();
    if (!joined) throw conflict('You are already a member of this organization.');
    if (sessionId) await ctx.tx.update(session).set({ activeOrganizationId: found.organizationId }).where(eq(session.id, sessionId));
    ctx.emit('team.member_joined', { memberId: joined.id, userId, role: found.role as Role, invitationId: found.id });
    return {
      result: { membership: { id: joined.id, organizationId: joined.organizationId, userId, role: joined.role } },
      audit: { organizationId: found.organizationId, entityType: 'member', entityId: joined.id, after: { email, role: joined.role, invitationId: found.id } },
    };
  },
});

export const changeRole = defineAction({
  name: 'team.change_role',
  input: changeRoleInput,
  async run(ctx, input) {
    const { team, target } = await lockTeamAndMember(ctx, input.memberId);
    if (target.id === team.actorMemberId) throw forbidden('You cannot change your own role.');
    if (!canChangeRole(team.actorRole, target.role, input.role)) throw forbidden(target.role === 'owner' ? 'The owner’s role changes only by transferring ownership.' : `You cannot make someone ${input.role}.`);
    await ctx.tx.update(membership).set({ role: input.role }).where(eq(membership.id, target.id));
    ctx.emit('team.member_role_changed', { memberId: target.id, userId: target.userId, from: target.role, to: input.role });
    const member = { ...target, role: input.role };
    return { result: { member }, audit: { entityType: 'member', entityId: target.id, before: { email: target.email, role: target.role }, after: { email: target.email, role: input.role } } };
  },
});

export const removeMember = defineAction({
  name: 'team.remove_member',
  input: memberIdInput,
  async run(ctx, input) {
    const { team, target } = await lockTeamAndMember(ctx, input.memberId);
    if (target.id === team.actorMemberId) throw forbidden('To leave the organization, use “Leave organization”.');
    if (!canRemove(team.actorRole, target.role)) throw forbidden(target.role === 'owner' ? 'The owner cannot be removed; transfer ownership first.' : 'You cannot remove this member.');
    await ctx.tx.delete(membership).where(eq(membership.id, target.id));
    ctx.emit('team.member_removed', { memberId: target.id, userId: target.userId, role: target.role });
    return { result: { member: target }, audit: { entityType: 'member', entityId: target.id, before: { email: target.email, role: target.role }, after: null } };
  },
});

export const leaveOrganization = defineAction({
  name: 'team.leave',
  input: leaveInput,
  async run(ctx) {
    const { actor, team } = await lockActorTeam(ctx);
    if (team.actorRole === 'owner') throw forbidden('The owner cannot leave; transfer ownership first.');
    await ctx.tx.delete(membership).where(eq(membership.id, team.actorMemberId));
    ctx.emit('team.member_removed', { memberId: team.actorMemberId, userId: actor.userId, role: team.actorRole, left: true });
    return { result: { left: true }, audit: { entityType: 'member', entityId: team.actorMemberId, before: { email: actor.email, role: team.actorRole }, after: null } };
  },
});

/** The owner hands over; the old owner stays on as admin. */
export const transferOwnership = defineAction({
  name: 'team.transfer_ownership',
  input: memberIdInput,
  async run(ctx, input) {
    const { actor, team } = await lockActorTeam(ctx);
    if (team.actorRole !== 'owner') throw forbidden('Only the owner can transfer ownership.');
    const target = await findMember(ctx.tx, team.organizationId, input.memberId);
    if (!canTransferOwnershipTo(team.actorRole, target.role)) throw forbidden('You already own this organization.');
    await ctx.tx.update(membership).set({ role: 'admin' }).where(eq(membership.id, team.actorMemberId));
    await ctx.tx.update(membership).set({ role: 'owner' }).where(eq(membership.id, target.id));
    const previousOwner = { id: team.actorMemberId, userId: actor.userId, email: actor.email, role: 'admin' as Role };
    const newOwner = { ...target, role: 'owner' as Role };
    ctx.emit('team.ownership_transferred', { from: previousOwner.id, to: newOwner.id });
    return {
      result: { previousOwner, newOwner },
      audit: { entityType: 'organization', entityId: team.organizationId, before: { owner: actor.email }, after: { owner: target.email } },
    };
  },
});

