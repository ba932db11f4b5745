import { Button } from '@/ui/button';

/** The end of a key dialog's form: its form-level error, then Cancel and submit. */
export function KeyFormFooter({ formError, onCancel, pending, submitLabel, pendingLabel }: { formError?: string; onCancel: () => void; pending: boolean; submitLabel: string; pendingLabel: string }) {
  return (
    <>
      {formError ? (
        <p role="alert" className="form-error">
          {formError}
        </p>
      ) : null}
      <div className="row row-end">
        <Button type="button" variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" disabled={pending}>
          {pending ? pendingLabel : submitLabel}
        </Button>
      </div>
    </>
  );
}
