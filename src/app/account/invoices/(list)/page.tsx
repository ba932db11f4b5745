import type { ReactNode } from 'react';
import { MAX_INVOICES_PER_ARCHIVE } from '@config/billing';
import { invoicesScreenQuery } from '@/modules/invoices/queries';
import { readPage } from '@/platform/actions/read-page';
import { requirePortalSession } from '@/platform/auth/current';
import { formatDate } from '@/ui/date';
import { EmptyState } from '@/ui/empty-state';
import { BillingAccessNote } from '../../billing/billing-access-note';
import { InvoiceTable } from '../invoice-table';
import { rangeQuery } from '../presets';
import { RangeFilter } from '../range-filter';
import { publicPath } from '@/platform/http/portal-path';

export const metadata = { title: 'Invoices' };

/** The list shows this many; the ZIP takes up to MAX_INVOICES_PER_ARCHIVE. */
const SHOWN = 100;

type Query = Record<string, string | string[] | undefined>;
const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) || undefined;

function describe(range: { from?: string; to?: string }): string {
  if (range.from && range.to) return `Invoices issued ${formatDate(range.from)} – ${formatDate(range.to)}`;
  if (range.from) return `Invoices issued since ${formatDate(range.from)}`;
  if (range.to) return `Invoices issued until ${formatDate(range.to)}`;
  return 'All invoices';
}

/** The page's heading, with its action (the ZIP of the range shown) where there is one. */
function Header({ children }: { children?: ReactNode }) {
  return (
    <div className="page-header">
      <div>
        <h1>Invoices</h1>
        <p className="muted">Every invoice of your organization, with its PDF. Dates are in UTC.</p>
      </div>
      {children}
    </div>
  );
}

export default async function InvoicesPage({ searchParams }: { searchParams: Promise<Query> }) {
  const session = await requirePortalSession();
  const query = await searchParams;
  const range = { from: single(query.from), to: single(query.to) };
  const read = await readPage(invoicesScreenQuery, range);
  const now = new Date();
  if (read.status === 'invalid') {
    return (
      <div className="stack stack-lg">
        <Header />
        <RangeFilter range={range} errors={read.fields} now={now} />
      </div>
    );
  }
  if (read.status !== 'ok') return <BillingAccessNote heading="Invoices" organizationName={session.organization.name} role={session.role} />;

  const { invoices, stripeProblem } = read.data; // a Stripe customer's first look fetches its invoices
  const ranged = Boolean(range.from || range.to);

  return (
    <div className="stack stack-lg">
      <Header>
        {invoices.length > 0 && invoices.length <= MAX_INVOICES_PER_ARCHIVE ? (
          <a className="btn btn-secondary" href={publicPath(`/api/account/invoices/archive.zip${rangeQuery(range)}`)} download>
            Download ZIP
          </a>
        ) : null}
      </Header>
      {stripeProblem ? (
        <p className="banner banner-warning" role="alert">
          {stripeProblem}
        </p>
      ) : null}
      <RangeFilter range={range} now={now} />
      <section className="stack" aria-labelledby="invoices-heading">
        <div className="row row-between">
          <h2 id="invoices-heading">{describe(range)}</h2>
          {invoices.length > MAX_INVOICES_PER_ARCHIVE ? <p className="muted small">More than {MAX_INVOICES_PER_ARCHIVE} invoices: choose a shorter range to download them as a ZIP.</p> : null}
        </div>
        {invoices.length > SHOWN ? (
          <p className="muted small" role="status">
            Showing the newest {SHOWN}. Choose a shorter range to see the others.
          </p>
        ) : null}
        <InvoiceTable
          invoices={invoices.slice(0, SHOWN)}
          caption={describe(range)}
          empty={<EmptyState title={ranged ? 'No invoices in this range' : 'No invoices yet'} description={ranged ? 'Try another range, or show all invoices.' : 'Your invoices show here as soon as the first one is issued.'} />}
        />
      </section>
    </div>
  );
}
