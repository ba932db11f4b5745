import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Role } from '@config/permissions';
import type { Plan } from '@config/plans';
import type { Actor } from '@/platform/actions/actor';
import { auditLog, outbox } from '@/platform/actions/schema';
import type { Db } from '@/platform/db/types';
import { membership, organization } from '@/platform/tenancy/schema';
import { issueInvitationToken } from '@/modules/team/invitation-mail';
import { invitation } from '@/modules/team/schema';
import { seedOrg, type SeededOrg, type SeededUser } from './test-db';

export type SeededTeam = { organizationId: string; owner: SeededOrg; members: SeededOrg[] };

/** An organization with its owner and one member per given role (plain inserts, no seat limit). */
export async function seedTeam(db: Db, memberRoles: Role[] = [], options: { plan?: Plan } = {}): Promise<SeededTeam> {
  const owner = await seedOrg(db, { role: 'owner' });
  if (options.plan) await db.update(organization).set({ plan: options.plan }).where(eq(organization.id, owner.organizationId));
  const members: SeededOrg[] = [];
  for (const role of memberRoles) members.push(await seedOrg(db, { organizationId: owner.organizationId, role }));
  return { organizationId: owner.organizationId, owner, members };
}

/** A signed-in person who is not (yet) a member of any organization. */
export function personActor(person: SeededUser, extra: { sessionId?: string; email?: string } = {}): Actor {
  return { type: 'person', userId: person.userId, email: extra.email ?? person.email, organizationId: null, sessionId: extra.sessionId };
}

export async function membershipsOf(db: Db, organizationId: string) {
  return db.select().from(membership).where(eq(membership.organizationId, organizationId));
}

export async function roleOf(db: Db, membershipId: string): Promise<Role | undefined> {
  const [row] = await db.select({ role: membership.role }).from(membership).where(eq(membership.id, membershipId));
  return row?.role as Role | undefined;
}

export async function invitationsOf(db: Db, organizationId: string) {
  return db.select().from(invitation).where(eq(invitation.organizationId, organizationId)).orderBy(invitation.createdAt);
}

export async function auditOf(db: Db, organizationId: string, actions?: string[]) {
  const where = actions ? and(eq(auditLog.organizationId, organizationId), inArray(auditLog.action, actions)) : eq(auditLog.organizationId, organizationId);
  return db.select().from(auditLog).where(where).orderBy(auditLog.id);
}

/** How many audit rows the organization has: a write audits exactly one, a refused one none. */
export async function auditCount(db: Db, organizationId: string): Promise<number> {
  return (await auditOf(db, organizationId)).length;
}

export async function eventsOf(db: Db, organizationId: string) {
  return db.select().from(outbox).where(eq(outbox.organizationId, organizationId)).orderBy(outbox.id);
}

/** Everything a team write leaves behind in an organization: to assert that a refused write left nothing. */
export async function teamSnapshot(db: Db, organizationId: string) {
  const [members, invitations, audit, events] = await Promise.all([
    db.select({ id: membership.id, userId: membership.userId, role: membership.role }).from(membership).where(eq(membership.organizationId, organizationId)).orderBy(membership.id),
    db
      .select({ id: invitation.id, email: invitation.email, role: invitation.role, tokenHash: invitation.tokenHash, expiresAt: invitation.expiresAt, acceptedAt: invitation.acceptedAt, revokedAt: invitation.revokedAt })
      .from(invitation)
      .where(eq(invitation.organizationId, organizationId))
      .orderBy(invitation.id),
    db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(eq(auditLog.organizationId, organizationId)),
    db.select({ n: sql<number>`count(*)::int` }).from(outbox).where(eq(outbox.organizationId, organizationId)),
  ]);
  return { members, invitations, audit: audit[0]!.n, events: events[0]!.n };
}

/** The token of a fresh link for an open invitation, issued as its mail's consumer issues it (the actions never see one). */
export async function invitationLinkToken(db: Db, invitationId: string): Promise<string> {
  const issued = await issueInvitationToken(db, invitationId);
  if (!issued) throw new Error(`invitation ${invitationId} is not open`);
  return issued.token;
}
