'use client';

import { staffRoles, type StaffRole } from '@config/permissions';
import { OptimisticSelect } from '@/ui/optimistic-select';
import { changeStaffRoleAction } from './actions';

/** Changes a staff member's role at once; if the server refuses, the row rolls back and says why. */
export function StaffRoleSelect({ id, name, role }: { id: string; name: string; role: StaffRole }) {
  return <OptimisticSelect label={`Role of ${name}`} value={role} options={staffRoles} change={(to) => changeStaffRoleAction(id, to)} />;
}
