import { randomBytes, randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { StaffRole } from '@config/permissions';
import { actorLabel } from '@/app/account/activity/actor-label';
import { auditQuery, listAuditEntries } from '@/modules/audit/service';
import { createStaffSession } from '@/modules/staff/service';
import { executeAction } from '@/platform/actions/execute';
import { getStaffAuth } from '@/platform/auth/staff-auth';
import { staffAccount, staffSession, staffUser } from '@/platform/auth/staff-schema';
import type { StaffActor } from '@/platform/auth/staff-session';
import { getConfig } from '@/platform/config';
import type { Db } from '@/platform/db/types';
import { hostActor } from './test-db';

let counter = 0;

/** A staff member (plain insert) and the actor a console request of theirs would carry. */
export async function seedStaff(db: Db, role: StaffRole, options: { name?: string; organizationId?: string | null } = {}): Promise<StaffActor> {
  const id = randomUUID();
  const suffix = `${process.pid}-${++counter}-${randomBytes(3).toString('hex')}`;
  const email = `staff-${suffix}@vendor.example`;
  const name = options.name ?? `Staff ${suffix}`;
  await db.insert(staffUser).values({ id, email, name, role, emailVerified: true, twoFactorEnabled: true });
  await db.insert(staffAccount).values({ id: randomUUID(), accountId: id, providerId: 'credential', userId: id, password: 'not-a-real-hash' });
  return { type: 'staff', staffId: id, email, name, role, organizationId: options.organizationId ?? null, ip: '198.51.100.9', userAgent: 'console-test' };
}

export async function seedStaffSession(db: Db, staffId: string): Promise<{ id: string; token: string }> {
  const id = randomUUID();
  const token = randomBytes(16).toString('hex');
  await db.insert(staffSession).values({ id, token, userId: staffId, expiresAt: new Date(Date.now() + 3600_000), origin: 'builtin' });
  return { id, token };
}

/**
 * A staff member signed in through the host's staff handoff, as a browser following its link is:
 * their actor, and the Cookie header of their real session (Better Auth's signed cookie).
 */
export async function signedInStaff(db: Db, role: StaffRole, options: { name?: string } = {}): Promise<{ actor: StaffActor; cookie: string }> {
  const suffix = `${process.pid}-${++counter}-${randomBytes(3).toString('hex')}`;
  const staff = { externalId: `staff-${suffix}`, email: `handoff-${suffix}@vendor.example`, name: options.name ?? `Staff ${suffix}` };
  const { url } = await executeAction(hostActor, createStaffSession, { staff, role });
  const { pathname, search } = new URL(url);
  const response = await (await getStaffAuth()).handler(new Request(`${getConfig().portalUrl}${pathname}${search}`));
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .join('; ');
  const [row] = await db.select().from(staffUser).where(eq(staffUser.externalId, staff.externalId));
  return { actor: { type: 'staff', staffId: row!.id, email: row!.email, name: row!.name, role, organizationId: null }, cookie };
}

/** The Cookie header of a signed-in staff member of `role`. */
export async function staffCookie(db: Db, role: StaffRole = 'agent'): Promise<string> {
  return (await signedInStaff(db, role)).cookie;
}

/** The customer's Activity entries of one action: what their audit read answers, and who the page says did it. */
export async function customerActivity(db: Db, organizationId: string, action: string) {
  const { entries } = await listAuditEntries(db, organizationId, auditQuery.parse({ limit: 100 }));
  return entries.filter((e) => e.action === action).map((e) => ({ actor: e.actor, shownAs: actorLabel(e), entityId: e.entityId, after: e.after }));
}
