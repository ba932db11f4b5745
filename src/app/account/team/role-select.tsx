'use client';

import { useOptimistic, useTransition } from 'react';
import type { Role } from '@config/permissions';
import { idleFormState } from '@/ui/form-state';
import { useToast } from '@/ui/toast';
import { changeRoleAction } from './actions';

/** Changes a member's role at once; if the server refuses, the row rolls back and says why. */
export function RoleSelect({ memberId, memberName, role, options }: { memberId: string; memberName: string; role: Role; options: Role[] }) {
  const [shown, setShown] = useOptimistic(role);
  const [pending, startTransition] = useTransition();
  const toast = useToast();
  return (
    <select
      className="input input-sm"
      aria-label={`Role of ${memberName}`}
      value={shown}
      aria-busy={pending}
      onChange={(event) => {
        const next = event.target.value as Role;
        startTransition(async () => {
          setShown(next);
          const form = new FormData();
          form.set('memberId', memberId);
          form.set('role', next);
          const outcome = await changeRoleAction(idleFormState, form);
          toast.show(outcome.message ?? '', outcome.status === 'error' ? 'error' : 'success');
        });
      }}
    >
      {[...new Set([role, ...options])].map((r) => (
        <option key={r} value={r} disabled={!options.includes(r)}>
          {r}
        </option>
      ))}
    </select>
  );
}
