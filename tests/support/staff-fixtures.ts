// Who the staff member of a test is: THE one place tests make one. TEMPORARY: it speaks to wt-c's
// stub staff session (a cookie the stub trusts under tests); once wt-b's staff sessions are merged,
// this file makes a real staff row and session instead, and no test changes.
import type { StaffRole } from '@config/permissions';
import type { Db } from '@/platform/db/types';

/** The Cookie header of a signed-in staff member of `role`. */
export async function staffCookie(_db: Db, role: StaffRole = 'agent'): Promise<string> {
  return `deflect.stub_staff=${role}`;
}
