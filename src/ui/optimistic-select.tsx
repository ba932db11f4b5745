'use client';

import { useOptimistic, useTransition } from 'react';
import type { FormState } from './form-state';
import { useToast } from './toast';

/**
 * A select whose change is sent at once: it shows the new value while the server works, rolls back
 * if the server refuses, and says either way in a toast. Options outside `enabled` are shown greyed.
 */
export function OptimisticSelect<V extends string>({
  label,
  value,
  options,
  enabled = options,
  change,
}: {
  label: string;
  value: V;
  options: readonly V[];
  enabled?: readonly V[];
  change: (value: V) => Promise<FormState>;
}) {
  const [shown, setShown] = useOptimistic(value);
  const [pending, startTransition] = useTransition();
  const toast = useToast();
  return (
    <select
      className="input input-sm"
      aria-label={label}
      value={shown}
      aria-busy={pending}
      onChange={(event) => {
        const next = event.target.value as V;
        startTransition(async () => {
          setShown(next);
          const outcome = await change(next);
          toast.show(outcome.message ?? '', outcome.status === 'error' ? 'error' : 'success');
        });
      }}
    >
      {options.map((option) => (
        <option key={option} value={option} disabled={!enabled.includes(option)}>
          {option}
        </option>
      ))}
    </select>
  );
}
