import { notFound } from 'next/navigation';
import { can } from '@config/permissions';
import { meterIds } from '@config/usage';
import { usageOverview, usageSeries } from '@/modules/usage/service';
import { requirePortalSession } from '@/platform/auth/current';
import { getDb } from '@/platform/db/client';
import { EmptyState } from '@/ui/empty-state';
import { formatPeriod } from './format';
import { MeterSection } from './meter-section';

export const metadata = { title: 'Usage' };

export default async function UsagePage() {
  const session = await requirePortalSession();
  if (!can(session.role, 'usage.read')) notFound();
  const db = await getDb();
  const org = session.organization;
  const now = new Date();
  const [overview, series] = await Promise.all([
    usageOverview(db, org, now),
    Promise.all(meterIds.map(async (meter) => ({ meter, daily: await usageSeries(db, org, meter, '30d', now), monthly: await usageSeries(db, org, meter, '12m', now) }))),
  ]);
  const empty = series.every((s) => s.monthly.total === 0 && s.daily.total === 0);

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
          return <MeterSection key={usage.meter} usage={usage} daily={daily} monthly={monthly} plan={org.plan} />;
        })
      )}
    </div>
  );
}
