'use client';

import { useFormState } from '@/ui/action-form';

const KINDS = [
  { value: 'bug', label: 'Bug', hint: 'Something does not work' },
  { value: 'idea', label: 'Idea', hint: 'Something we could do better' },
  { value: 'question', label: 'Question', hint: 'Something you want to know' },
] as const;

/** Bug, idea or question: radios in a fieldset, with the form's error for `kind` under them. */
export function KindField() {
  const error = useFormState().fields?.kind;
  return (
    <fieldset className="stack stack-sm" aria-describedby={error ? 'feedback-kind-error' : undefined}>
      <legend className="label">What is it?</legend>
      {KINDS.map((k) => (
        <label key={k.value} className="choice">
          <input type="radio" name="kind" value={k.value} aria-invalid={error ? true : undefined} />
          <span>
            {k.label} <span className="muted small">— {k.hint}</span>
          </span>
        </label>
      ))}
      {error ? (
        <p id="feedback-kind-error" className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
