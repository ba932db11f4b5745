import { deflectionRangeInput, deflectionReport, isoDay, type DeflectionReport } from '@/modules/deflection/service';
import { DefinitionsList } from '@/modules/deflection/ui/definitions-list';
import { FiguresTable } from '@/modules/deflection/ui/figures-table';
import { RangeForm } from '@/modules/deflection/ui/range-form';
import { WeeklyChart } from '@/modules/deflection/ui/weekly-chart';
import { requireStaffPage } from '@/platform/auth/staff-session';
import { getDb } from '@/platform/db/client';
import { publicPath } from '@/platform/http/portal-path';
import { fieldErrorsOf } from '@/platform/http/validation';
import { formatDateRange } from '@/ui/date';
import { EmptyState } from '@/ui/empty-state';

export const metadata = { title: 'Deflection' };

type Query = Record<string, string | string[] | undefined>;
const single = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;

function Figures({ report }: { report: DeflectionReport }) {
  const charted = report.categories.filter((c) => c.ticketsBefore + c.ticketsAfter > 0);
  const quiet = report.categories.filter((c) => c.ticketsBefore + c.ticketsAfter === 0);
  return (
    <>
      <FiguresTable report={report} />
      <section className="stack" aria-labelledby="charts">
        <h2 id="charts">Tickets per week</h2>
        <p className="muted">Imported, portal and host tickets created each week from the start of the range; the dashed line marks the screen’s launch.</p>
        {[report.total, ...charted].map((figures) => (
          <section key={figures.category} className="card stack-sm" aria-label={figures.label}>
            <h3>{figures.label}</h3>
            <WeeklyChart figures={figures} />
          </section>
        ))}
        {quiet.length > 0 ? <p className="muted">No tickets in this range: {quiet.map((c) => c.label).join(', ')}.</p> : null}
      </section>
    </>
  );
}

/** Per category: tickets before and after its screen's launch, the deflections counted, and what they saved. */
export default async function DeflectionPage({ searchParams }: { searchParams: Promise<Query> }) {
  await requireStaffPage('staff.deflection.read');
  const query = await searchParams;
  const asked = { from: single(query.from), to: single(query.to) };
  const parsed = deflectionRangeInput.safeParse(asked);
  const report = parsed.success ? await deflectionReport(await getDb(), parsed.data) : null;
  const errors = parsed.success ? {} : fieldErrorsOf(parsed.error);
  const range = parsed.success ? { from: isoDay(parsed.data.from), to: isoDay(parsed.data.to) } : null;
  return (
    <div className="stack stack-lg">
      <div className="page-header">
        <div>
          <h1>Deflection</h1>
          <p className="muted">
            Per category of support: tickets before and after its portal screen launched, per week per 100 organizations, the contacts the portal answered, and the support time
            they saved.
          </p>
          <p className="muted">
            The deflection rate compares contact-form visits shown no suggestions (the holdout) with those shown some; its 95 % interval is Newcombe’s hybrid score interval
            for a difference of two proportions.
          </p>
        </div>
      </div>
      <RangeForm
        from={asked.from ?? range?.from ?? ''}
        to={asked.to ?? range?.to ?? ''}
        errors={errors}
        csvHref={range ? publicPath(`/api/admin/deflection.csv?from=${range.from}&to=${range.to}`) : null}
      />
      {report && range ? (
        <>
          <p>
            Showing <strong>{formatDateRange(range.from, new Date(Date.parse(`${range.to}T00:00:00Z`) - 86_400_000))}</strong>.
          </p>
          {report.hasData ? (
            <Figures report={report} />
          ) : (
            <EmptyState
              title="Nothing counted in this range"
              description="No ticket, contact-form visit or self-service action falls in these dates. Import an inbox audit, or choose another range."
            />
          )}
        </>
      ) : null}
      <section className="card stack-sm" aria-labelledby="definitions">
        <h2 id="definitions">How each figure is computed</h2>
        <DefinitionsList />
      </section>
    </div>
  );
}
