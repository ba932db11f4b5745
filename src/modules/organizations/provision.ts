import { and, count, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Role } from '@config/permissions';
import { user } from '@/platform/auth/schema';
import type { Db } from '@/platform/db/types';
import { conflict } from '@/platform/http/errors';
import { membership, organization } from '@/platform/tenancy/schema';
import type { portalSessionInput } from './inputs';

type Input = z.infer<typeof portalSessionInput>;
export type Provisioned = { userId: string; organizationId: string; created: { user: boolean; organization: boolean; membership: boolean } };

async function ensureUser(tx: Db, input: Input['user']): Promise<{ id: string; created: boolean }> {
  const [byExternal] = await tx.select({ id: user.id }).from(user).where(eq(user.externalId, input.externalId)).limit(1);
  if (byExternal) return { id: byExternal.id, created: false };
  const [byEmail] = await tx.select({ id: user.id, externalId: user.externalId }).from(user).where(eq(user.email, input.email)).limit(1);
  if (byEmail) {
    if (byEmail.externalId) throw conflict('That email belongs to another user of the host product.');
    await tx.update(user).set({ externalId: input.externalId, updatedAt: new Date() }).where(eq(user.id, byEmail.id));
    return { id: byEmail.id, created: false };
  }
  const id = crypto.randomUUID();
  const [inserted] = await tx
    .insert(user)
    .values({ id, externalId: input.externalId, email: input.email, name: input.name ?? input.email.split('@')[0]!, emailVerified: true })
    .onConflictDoNothing()
    .returning({ id: user.id });
  if (inserted) return { id, created: true };
  // Lost a race with a simultaneous handoff for the same person.
  const [winner] = await tx.select({ id: user.id }).from(user).where(eq(user.externalId, input.externalId)).limit(1);
  if (!winner) throw conflict('That email belongs to another user.');
  return { id: winner.id, created: false };
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
  if (existing) return { userId: person.id, organizationId: org.id, created: { user: person.created, organization: org.created, membership: false } };
  const [members] = await tx.select({ n: count() }).from(membership).where(eq(membership.organizationId, org.id));
  const role: Role = (members?.n ?? 0) === 0 ? 'owner' : input.role === 'owner' ? 'admin' : (input.role ?? 'member');
  await tx.insert(membership).values({ id: crypto.randomUUID(), organizationId: org.id, userId: person.id, role });
  return { userId: person.id, organizationId: org.id, created: { user: person.created, organization: org.created, membership: true } };
}
