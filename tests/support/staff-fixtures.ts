import { randomBytes, randomUUID } from 'node:crypto';
import type { StaffRole } from '@config/permissions';
import { staffAccount, staffSession, staffUser } from '@/platform/auth/staff-schema';
import type { StaffActor } from '@/platform/auth/staff-session';
import type { Db } from '@/platform/db/types';

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
