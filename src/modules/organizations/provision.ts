import { and, count, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Role } from '@config/permissions';
import { discardBuiltinSignIn, type DiscardedSignIn } from '@/platform/auth/discard-sign-in';
import { user } from '@/platform/auth/schema';
import type { Db } from '@/platform/db/types';
import { conflict } from '@/platform/http/errors';
import { membership, organization } from '@/platform/tenancy/schema';
import type { portalSessionInput } from './inputs';

type Input = z.infer<typeof portalSessionInput>;

/** What became of a builtin sign-up that never verified its address when the host asserted that address. */
export type ReplacedSignUp = DiscardedSignIn & { leftOrganizations: string[] };
export type Provisioned = {
  userId: string;
  organizationId: string;
  created: { user: boolean; organization: boolean; membership: boolean };
  replacedUnverifiedSignUp: ReplacedSignUp | null;
};
function nameOf(input: Input['user']): string {
  return input.name ?? input.email.split('@')[0]!;
}

type EnsuredUser = { id: string; created: boolean; replacedUnverifiedSignUp: ReplacedSignUp | null };

/**
 * Anyone can sign up with an address they do not own; until it is verified, the host's word about who
 * owns it wins. The sign-up's password, sessions, two-factor, reset links and memberships go, so that
 * neither the person who typed it nor a later click on its verification mail opens this account.
 */
async function replaceUnverifiedSignUp(tx: Db, userId: string, input: Input['user']): Promise<ReplacedSignUp> {
  const discarded = await discardBuiltinSignIn(tx, userId);
  const left = await tx.delete(membership).where(eq(membership.userId, userId)).returning({ organizationId: membership.organizationId });
  await tx
    .update(user)
    .set({ externalId: input.externalId, emailVerified: true, name: nameOf(input), image: null, twoFactorEnabled: false, updatedAt: new Date() })
    .where(eq(user.id, userId));
  return { ...discarded, leftOrganizations: left.map((m) => m.organizationId) };
}

async function ensureUser(tx: Db, input: Input['user']): Promise<EnsuredUser> {
  const [byExternal] = await tx.select({ id: user.id }).from(user).where(eq(user.externalId, input.externalId)).limit(1);
  if (byExternal) return { id: byExternal.id, created: false, replacedUnverifiedSignUp: null };
  const [byEmail] = await tx
    .select({ id: user.id, externalId: user.externalId, emailVerified: user.emailVerified })
    .from(user)
    .where(eq(user.email, input.email))
    .limit(1)
    .for('update');
  if (byEmail) {
    // A simultaneous handoff of the same person linked it while this one waited for the row.
    if (byEmail.externalId === input.externalId) return { id: byEmail.id, created: false, replacedUnverifiedSignUp: null };
    if (byEmail.externalId) throw conflict('That email belongs to another user of the host product.');
    if (!byEmail.emailVerified) return { id: byEmail.id, created: false, replacedUnverifiedSignUp: await replaceUnverifiedSignUp(tx, byEmail.id, input) };
    await tx.update(user).set({ externalId: input.externalId, updatedAt: new Date() }).where(eq(user.id, byEmail.id));
    return { id: byEmail.id, created: false, replacedUnverifiedSignUp: null };
  }
  const id = crypto.randomUUID();
  const [inserted] = await tx
    .insert(user)
    .values({ id, externalId: input.externalId, email: input.email, name: nameOf(input), emailVerified: true })
    .onConflictDoNothing()
    .returning({ id: user.id });
  if (inserted) return { id, created: true, replacedUnverifiedSignUp: null };
  // Lost a race with a simultaneous handoff for the same person.
  const [winner] = await tx.select({ id: user.id }).from(user).where(eq(user.externalId, input.externalId)).limit(1);
  if (!winner) throw conflict('That email belongs to another user.');
  return { id: winner.id, created: false, replacedUnverifiedSignUp: null };
}

async function ensureOrganization(tx: Db, input: Input['organization']): Promise<{ id: string; created: boolean }> {
  const id = crypto.randomUUID();
  const [inserted] = await tx
    .insert(organization)
    .values({ id, externalId: input.externalId, name: input.name ?? input.externalId, plan: input.plan ?? 'free' })
    .onConflictDoNothing({ target: organization.externalId })
    .returning({ id: organization.id });
  if (inserted) return { id, created: true };
  const [existing] = await tx.select({ id: organization.id }).from(organization).where(eq(organization.externalId, input.externalId));
  return { id: existing!.id, created: false };
}

/** Just-in-time provisioning: the person, the organization and the membership, when missing. */
export async function provisionForHandoff(tx: Db, input: Input): Promise<Provisioned> {
  const org = await ensureOrganization(tx, input.organization);
  const person = await ensureUser(tx, input.user);
  // Serialises first-member decisions for this organization: exactly one becomes its owner.
  await tx.execute(sql`select id from ${organization} where id = ${org.id} for update`);
  const [existing] = await tx
    .select({ id: membership.id })
    .from(membership)
    .where(and(eq(membership.organizationId, org.id), eq(membership.userId, person.id)));
  const replacedUnverifiedSignUp = person.replacedUnverifiedSignUp;
  if (existing) return { userId: person.id, organizationId: org.id, created: { user: person.created, organization: org.created, membership: false }, replacedUnverifiedSignUp };
  const [members] = await tx.select({ n: count() }).from(membership).where(eq(membership.organizationId, org.id));
  const role: Role = (members?.n ?? 0) === 0 ? 'owner' : input.role === 'owner' ? 'admin' : (input.role ?? 'member');
  await tx.insert(membership).values({ id: crypto.randomUUID(), organizationId: org.id, userId: person.id, role });
  return { userId: person.id, organizationId: org.id, created: { user: person.created, organization: org.created, membership: true }, replacedUnverifiedSignUp };
}
