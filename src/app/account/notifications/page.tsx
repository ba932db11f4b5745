import Link from 'next/link';
import { notificationsScreenQuery } from '@/modules/notifications/queries';
import { NotificationList } from '@/modules/notifications/ui/notification-list';
import { readPage } from '@/platform/actions/read-page';
import { requirePortalSession } from '@/platform/auth/current';
import { portalPath } from '@/platform/http/portal-path';
import { Button } from '@/ui/button';
import { EmptyState } from '@/ui/empty-state';
import { markReadForm } from './actions';

export const metadata = { title: 'Notifications' };

export default async function NotificationsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  await requirePortalSession();
  const read = await readPage(notificationsScreenQuery, await searchParams);
  if (read.status !== 'ok') return <EmptyState title="No notifications here" description="Notifications belong to a member of an organization." />;
  const { page, before } = read.data;
  return (
    <div className="stack stack-lg">
      <div className="page-header">
        <div>
          <h1>Notifications</h1>
          <p className="muted">{page.unreadCount === 0 ? 'You are all caught up.' : `${page.unreadCount} unread.`}</p>
        </div>
        <div className="row">
          {page.unreadCount > 0 ? (
            <form action={markReadForm}>
              <input type="hidden" name="all" value="true" />
              <Button type="submit" variant="secondary">
                Mark all as read
              </Button>
            </form>
          ) : null}
          <Link href={portalPath('/account/notifications/preferences')}>Preferences</Link>
        </div>
      </div>
      <NotificationList page={page} before={before} markRead={markReadForm} />
    </div>
  );
}
