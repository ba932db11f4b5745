import Form from 'next/form';
import Link from 'next/link';
import { Button } from '@/ui/button';
import { FormField } from '@/ui/form-field';
import { rangePresets, rangeQuery } from './presets';
import { portalPath } from '@/platform/http/portal-path';

type Range = { from?: string; to?: string };

/** The date range of the list: two dates, or one click on a preset; both end up in the URL. */
export function RangeFilter({ range, errors, now }: { range: Range; errors?: Record<string, string>; now: Date }) {
  const choices: (Range & { id: string; label: string })[] = [...rangePresets(now), { id: 'all', label: 'All invoices' }];
  const isCurrent = (r: Range) => (r.from ?? '') === (range.from ?? '') && (r.to ?? '') === (range.to ?? '');
  return (
    <section className="card stack" aria-label="Date range">
      <nav aria-label="Date range presets">
        <ul className="row">
          {choices.map((choice) => (
            <li key={choice.id}>
              <Link href={portalPath(`/account/invoices${rangeQuery(choice)}`)} className="btn btn-secondary btn-sm" aria-current={isCurrent(choice) ? 'page' : undefined}>
                {choice.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <Form action={portalPath('/account/invoices')} className="stack" aria-label="Invoices issued between two dates">
        <div className="row stack-start">
          <FormField label="Issued from" name="from" type="date" defaultValue={range.from ?? ''} error={errors?.from ?? errors?._} />
          <FormField label="Issued until" name="to" type="date" defaultValue={range.to ?? ''} error={errors?.to} />
        </div>
        <div className="row">
          <Button type="submit" variant="secondary">
            Show invoices
          </Button>
        </div>
      </Form>
    </section>
  );
}
