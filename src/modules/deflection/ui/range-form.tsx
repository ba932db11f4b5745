import Form from 'next/form';
import { Button } from '@/ui/button';
import { FormField } from '@/ui/form-field';

type Props = { from: string; to: string; errors: Record<string, string>; csvHref: string | null };

/** The dashboard's range, a plain GET form, and the CSV of what it shows. */
export function RangeForm({ from, to, errors, csvHref }: Props) {
  return (
    <Form action="/admin/deflection" className="card stack" aria-label="Date range">
      <div className="row stack-start">
        <FormField label="From" name="from" type="date" defaultValue={from} error={errors.from} fieldClassName="grow" />
        <FormField label="To (not included)" name="to" type="date" defaultValue={to} error={errors.to} fieldClassName="grow" />
      </div>
      <div className="row">
        <Button type="submit" variant="secondary">
          Show
        </Button>
        {csvHref ? (
          <a href={csvHref} download>
            Download CSV
          </a>
        ) : null}
      </div>
    </Form>
  );
}
