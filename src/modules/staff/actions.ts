import { and, eq, ne, sql } from 'drizzle-orm';
import type { StaffRole } from '@config/permissions';
import { defineAction, type ActionContext } from '@/platform/actions/define';
import { HANDOFF_TTL_MS } from '@/platform/auth/handoff-redeem';
import { STAFF_HANDOFF_PATH, staffLinkIdentifier, storedStaffIdentifier, type StaffHandoffValue } from '@/platform/auth/staff-auth';
import { staffSession, staffUser, staffVerification } from '@/platform/auth/staff-schema';
import { newOpaqueToken } from '@/platform/crypto/tokens';
import { conflict, forbidden, notFound } from '@/platform/http/errors';
import { inviteStaffInput, staffIdInput, staffSessionInput, updateStaffInput } from './inputs';
import { findStaff, staffView } from './view';
import { portalUrlFor } from '@/platform/http/portal-url';

export const SET_UP_TTL_MS = 3 * 24 * 60 * 60 * 1000;
export const SET_UP_PAGE = '/admin/sign-in/set-up';

type Tx = ActionContext['tx'];

/** Staff changes queue behind each other, so that two leads cannot act on each other at once. */
async function lockStaff(tx: Tx): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('deflect.staff'))`);
}

/** A single-use link kept hashed in `staff_verification`, written in the action's transaction. */
async function mintLink(tx: Tx, identifier: string, value: string, ttlMs: number): Promise<Date> {
  const expiresAt = new Date(Date.now() + ttlMs);
  await tx.insert(staffVerification).values({ id: crypto.randomUUID(), identifier: storedStaffIdentifier(identifier), value, expiresAt });
  return expiresAt;
}

/** Someone else of the staff: a staff member never changes or removes their own access. */
async function lockOther(ctx: ActionContext, id: string) {
  await lockStaff(ctx.tx);
  const target = await findStaff(ctx.tx, id);
  if (!target) throw notFound('Staff member');
  if (ctx.actor.type === 'staff' && ctx.actor.staffId === id) throw forbidden('You cannot change your own access. Ask another lead.');
  return target;
}

/**
 * The host's staff tool signs a support person in. The host is the truth about its staff: the person
 * is created or linked by email, and takes the role and name it asserts, unless a lead disabled them.
 */
export const createStaffSession = defineAction({
  name: 'host.create_staff_session',
  input: staffSessionInput,
  async run({ tx }, input) {
    await lockStaff(tx);
    const [byExternal] = await tx.select().from(staffUser).where(eq(staffUser.externalId, input.staff.externalId));
    const [byEmail] = byExternal ? [byExternal] : await tx.select().from(staffUser).where(eq(staffUser.email, input.staff.email));
    if (byEmail?.externalId && byEmail.externalId !== input.staff.externalId) throw conflict('That email belongs to another staff member of the host.');
    if (byExternal && byExternal.email !== input.staff.email) {
      const [taken] = await tx.select({ id: staffUser.id }).from(staffUser).where(and(eq(staffUser.email, input.staff.email), ne(staffUser.id, byExternal.id)));
      if (taken) throw conflict('That email belongs to another staff member.');
    }
    if (byEmail?.disabledAt) throw forbidden('This staff member is disabled in the console. A lead can enable them again.');
    const fields = { externalId: input.staff.externalId, email: input.staff.email, role: input.role, updatedAt: new Date(), ...(input.staff.name ? { name: input.staff.name } : {}) };
    const [after] = byEmail
      ? await tx.update(staffUser).set(fields).where(eq(staffUser.id, byEmail.id)).returning()
      : await tx
          .insert(staffUser)
          .values({ id: crypto.randomUUID(), name: input.staff.name ?? input.staff.email.split('@')[0]!, emailVerified: true, ...fields })
          .returning();
    const token = newOpaqueToken();
    const path = input.path ?? '/admin';
    const value: StaffHandoffValue = { staffId: after!.id, path };
    const expiresAt = await mintLink(tx, staffLinkIdentifier.handoff(token), JSON.stringify(value), HANDOFF_TTL_MS);
    return {
      result: { url: portalUrlFor(`${STAFF_HANDOFF_PATH}?token=${encodeURIComponent(token)}`), expiresAt: expiresAt.toISOString() },
      audit: {
        entityType: 'staff_session',
        entityId: after!.id,
        before: byEmail ? { role: byEmail.role, name: byEmail.name, externalId: byEmail.externalId } : null,
        after: { staffExternalId: input.staff.externalId, role: after!.role, name: after!.name, path, expiresAt, created: !byEmail },
      },
    };
  },
});

/** A new staff member with a one-time set-up link, where they choose a password and then enrol TOTP. */
export const inviteStaff = defineAction({
  name: 'staff.staff.invite',
  input: inviteStaffInput,
  async run({ tx }, input) {
    await lockStaff(tx);
    const [existing] = await tx.select({ id: staffUser.id }).from(staffUser).where(eq(staffUser.email, input.email));
    if (existing) throw conflict(`${input.email} is already a staff member.`);
    const id = crypto.randomUUID();
    const [created] = await tx
      .insert(staffUser)
      .values({ id, email: input.email, name: input.name ?? input.email.split('@')[0]!, role: input.role, emailVerified: true })
      .returning();
    const token = newOpaqueToken();
    const expiresAt = await mintLink(tx, staffLinkIdentifier.setUp(token), id, SET_UP_TTL_MS);
    const staff = staffView({ ...created!, hasPassword: false });
    return {
      result: { staff, setupUrl: portalUrlFor(`${SET_UP_PAGE}?token=${encodeURIComponent(token)}`), setupExpiresAt: expiresAt.toISOString() },
      audit: { entityType: 'staff', entityId: id, after: { email: staff.email, role: staff.role, setupExpiresAt: expiresAt } },
    };
  },
});

/** A role change, or sign-in disabled (every session ends at once) or enabled again. */
export const updateStaff = defineAction({
  name: 'staff.staff.update',
  input: updateStaffInput,
  async run(ctx, input) {
    const before = await lockOther(ctx, input.id);
    const disabledAt = input.disabled === undefined ? before.disabledAt : input.disabled ? (before.disabledAt ?? new Date()) : null;
    const role: StaffRole = input.role ?? before.role;
    await ctx.tx.update(staffUser).set({ role, disabledAt, updatedAt: new Date() }).where(eq(staffUser.id, input.id));
    if (disabledAt) await ctx.tx.delete(staffSession).where(eq(staffSession.userId, input.id));
    const after = { ...before, role, disabledAt };
    return {
      result: { staff: staffView(after) },
      audit: { entityType: 'staff', entityId: input.id, before: { role: before.role, disabled: Boolean(before.disabledAt) }, after: { role, disabled: Boolean(disabledAt) } },
    };
  },
});

/** Removes a staff member with their sessions, password, two-factor and unused set-up links. */
export const removeStaff = defineAction({
  name: 'staff.staff.remove',
  input: staffIdInput,
  async run(ctx, input) {
    const before = await lockOther(ctx, input.id);
    await ctx.tx.delete(staffVerification).where(eq(staffVerification.value, input.id));
    await ctx.tx.delete(staffUser).where(eq(staffUser.id, input.id));
    return {
      result: { staff: staffView(before) },
      audit: { entityType: 'staff', entityId: input.id, before: { email: before.email, name: before.name, role: before.role }, after: null },
    };
  },
});
