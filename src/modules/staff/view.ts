import { asc, eq, sql } from 'drizzle-orm';
import type { StaffRole } from '@config/permissions';
import { staffAccount, staffUser } from '@/platform/auth/staff-schema';
import type { Db } from '@/platform/db/types';

export type StaffView = {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  /** `invited`: the set-up link has not been used and the host never signed them in. */
  status: 'active' | 'invited' | 'disabled';
  /** Signed in by the host's staff tool (they may also have a password of their own). */
  viaHost: boolean;
  twoFactorEnabled: boolean;
  createdAt: string;
};

type StaffRow = typeof staffUser.$inferSelect & { hasPassword: boolean };

export function staffView(row: StaffRow): StaffView {
  const status = row.disabledAt ? 'disabled' : row.hasPassword || row.externalId ? 'active' : 'invited';
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role as StaffRole,
    status,
    viaHost: row.externalId !== null,
    twoFactorEnabled: Boolean(row.twoFactorEnabled),
    createdAt: row.createdAt.toISOString(),
  };
}

// Spelled out: in a one-table select Drizzle leaves column names unqualified, and inside the subquery
// "id" would be the account's own.
const hasPassword = sql<boolean>`exists (select 1 from ${staffAccount} where ${staffAccount}.user_id = ${staffUser}.id and ${staffAccount}.provider_id = 'credential')`;

function selectStaff(db: Db) {
  return db.select({ row: staffUser, hasPassword }).from(staffUser);
}

export async function findStaff(db: Db, id: string): Promise<(StaffRow & { role: StaffRole }) | null> {
  const [found] = await selectStaff(db).where(eq(staffUser.id, id)).for('update');
  return found ? { ...found.row, role: found.row.role as StaffRole, hasPassword: found.hasPassword } : null;
}

/** The whole support team, oldest first. */
export async function listStaff(db: Db): Promise<StaffView[]> {
  const rows = await selectStaff(db).orderBy(asc(staffUser.createdAt), asc(staffUser.email));
  return rows.map((r) => staffView({ ...r.row, hasPassword: r.hasPassword }));
}
