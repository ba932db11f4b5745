import { notFound } from 'next/navigation';
import { usageScreenQuery } from '@/modules/usage/queries';
import { readPage } from '@/platform/actions/read-page';
import { requirePortalSession } from '@/platform/auth/current';
import { EmptyState } from '@/ui/empty-state';
import { formatPeriod } from './format';
import { MeterSection } from './meter-section';

export const metadata = { title: 'Usage' };

export default async function UsagePage() {
  await requirePortalSession();
  const read = await readPage(usageScreenQuery, {});
  if (read.status !== 'ok') notFound();
  const { overview, series, plan, empty } = read.data;

  return (
    <div className="stack stack-lg">
      <div className="page-header">
        <div>
          <h1>Usage</h1>
          <p className="muted">Billing period {formatPeriod(overview.period)} (UTC)</p>
        </div>
      </div>
      {empty ? (
        <EmptyState title="No usage yet" description="Usage shows here as soon as your product reports it: per day for the last 30 days and per month for the last 12." />
      ) : (
        overview.meters.map((usage) => {
          const { daily, monthly } = series.find((s) => s.meter === usage.meter)!;
          return <MeterSection key={usage.meter} usage={usage} daily={daily} monthly={monthly} plan={plan} />;
        })
      )}
    </div>
  );
}
