import Link from 'next/link';
import { preferencesQuery } from '@/modules/notifications/queries';
import { PreferencesForm } from '@/modules/notifications/ui/preferences-form';
import { readPage } from '@/platform/actions/read-page';
import { requirePortalSession } from '@/platform/auth/current';
import { portalPath } from '@/platform/http/portal-path';
import { EmptyState } from '@/ui/empty-state';
import { savePreferencesAction } from '../actions';

export const metadata = { title: 'Notification preferences' };

export default async function NotificationPreferencesPage() {
  await requirePortalSession();
  const read = await readPage(preferencesQuery, {});
  if (read.status !== 'ok') return <EmptyState title="No preferences here" description="Notification preferences belong to a member of an organization." />;
  return (
    <div className="stack stack-lg">
      <div className="page-header">
        <div>
          <h1>Notification preferences</h1>
          <p className="muted">Choose how you hear about changes in this organization. Security notices are always sent.</p>
        </div>
        <Link href={portalPath('/account/notifications')}>Back to notifications</Link>
      </div>
      <section className="card">
        <PreferencesForm preferences={read.data.preferences} save={savePreferencesAction} />
      </section>
    </div>
  );
}
