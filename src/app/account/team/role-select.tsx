'use client';

import type { Role } from '@config/permissions';
import { OptimisticSelect } from '@/ui/optimistic-select';
import { changeRoleAction } from './actions';

/** Changes a member's role at once; if the server refuses, the row rolls back and says why. */
export function RoleSelect({ memberId, memberName, role, options }: { memberId: string; memberName: string; role: Role; options: Role[] }) {
  return <OptimisticSelect label={`Role of ${memberName}`} value={role} options={[...new Set([role, ...options])]} enabled={options} change={(to) => changeRoleAction(memberId, to)} />;
}
