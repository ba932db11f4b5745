'use client';

import { useEffect, useRef, useState } from 'react';
import { Field } from '@/ui/action-form';

export type TaxIdOption = { type: string; label: string; example: string };

/** The type of a new tax ID and its value, whose hint shows the format the chosen type expects. */
export function TaxIdFields({ options }: { options: TaxIdOption[] }) {
  const initial = options[0]?.type ?? '';
  const [type, setType] = useState(initial);
  const select = useRef<HTMLSelectElement>(null);

  // The form empties itself after a tax ID is added: the hint goes back with the select.
  useEffect(() => {
    const form = select.current?.form;
    const onReset = () => setType(initial);
    form?.addEventListener('reset', onReset);
    return () => form?.removeEventListener('reset', onReset);
  }, [initial]);

  const example = options.find((o) => o.type === type)?.example;
  return (
    <div className="row stack-start">
      <Field label="Type" name="type">
        <select ref={select} name="type" className="input" defaultValue={initial} onChange={(event) => setType(event.target.value)}>
          {options.map((o) => (
            <option key={o.type} value={o.type}>
              {o.label}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Number" name="value" autoComplete="off" spellCheck={false} hint={example ? `Format: ${example}` : undefined} fieldClassName="grow" />
    </div>
  );
}
