'use client';

import type { Role } from '@config/permissions';
import { idleFormState } from '@/ui/form-state';
import { OptimisticSelect } from '@/ui/optimistic-select';
import { changeRoleAction } from './actions';

/** Changes a member's role at once; if the server refuses, the row rolls back and says why. */
export function RoleSelect({ memberId, memberName, role, options }: { memberId: string; memberName: string; role: Role; options: Role[] }) {
  const change = (to: Role) => {
    const form = new FormData();
    form.set('memberId', memberId);
    form.set('role', to);
    return changeRoleAction(idleFormState, form);
  };
  return <OptimisticSelect label={`Role of ${memberName}`} value={role} options={[...new Set([role, ...options])]} enabled={options} change={change} />;
}
