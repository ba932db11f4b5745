import Link from 'next/link';
import { usageAlertsQuery } from '@/modules/usage/queries';
import { readPage } from '@/platform/actions/read-page';
import { portalPath } from '@/platform/http/portal-path';

/** The portal-wide notice that a usage limit is near or reached this period, with the way out. */
export async function UsageBanner() {
  const read = await readPage(usageAlertsQuery, {});
  const alerts = read.status === 'ok' ? read.data : [];
  if (alerts.length === 0) return null;
  const reached = alerts.filter((a) => a.threshold >= 100);
  const near = alerts.filter((a) => a.threshold < 100);
  const names = (list: typeof alerts) => list.map((a) => a.label).join(' and ');
  return (
    <p className={`banner ${reached.length ? 'banner-danger' : 'banner-warning'}`} role="status" style={{ marginBottom: '1rem' }}>
      {reached.length ? `You have reached your ${names(reached)} limit for this billing period. ` : null}
      {near.length ? `You have used over ${Math.min(...near.map((a) => a.threshold))} % of your ${names(near)} limit for this billing period. ` : null}
      <Link href={portalPath('/account/billing')}>Upgrade your plan</Link>
    </p>
  );
}
