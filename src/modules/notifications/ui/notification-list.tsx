import Link from 'next/link';
import { portalPath } from '@/platform/http/portal-path';
import { Button } from '@/ui/button';
import { formatDateTime } from '@/ui/date';
import { EmptyState } from '@/ui/empty-state';
import type { NotificationsPage } from '../inbox';

type FormHandler = (formData: FormData) => Promise<void>;

/**
 * The person's notifications, newest first, the unread ones marked. Reading the list marks nothing:
 * each is marked read by its button, or all at once, as a server form (no JavaScript needed).
 */
export function NotificationList({ page, before, markRead }: { page: NotificationsPage; before?: number; markRead: FormHandler }) {
  if (page.notifications.length === 0 && !before) {
    return <EmptyState title="No notifications yet" description="When something changes in your organization that concerns you, you will see it here." />;
  }
  return (
    <div className="stack">
      <ul className="notification-list" aria-label="Notifications">
        {page.notifications.map((n) => {
          const unread = n.readAt === null;
          return (
            <li key={n.id} className={unread ? 'notification notification-unread' : 'notification'}>
              <div className="notification-text">
                <p className="notification-title">
                  <Link href={portalPath(n.link)}>{n.title}</Link>
                  {unread ? <span className="badge badge-info">Unread</span> : null}
                </p>
                {n.body ? <p>{n.body}</p> : null}
                <p className="small muted">
                  <time dateTime={n.createdAt}>{formatDateTime(n.createdAt)}</time>
                </p>
              </div>
              {unread ? (
                <form action={markRead}>
                  <input type="hidden" name="id" value={n.id} />
                  <Button type="submit" size="sm" variant="secondary" aria-label={`Mark as read: ${n.title}`}>
                    Mark as read
                  </Button>
                </form>
              ) : null}
            </li>
          );
        })}
      </ul>
      {page.notifications.length === 0 ? <p className="muted">No older notifications.</p> : null}
      {before || page.nextBefore ? (
        <nav className="row" aria-label="Pages">
          {before ? <Link href={portalPath('/account/notifications')}>Newest</Link> : null}
          {page.nextBefore ? <Link href={portalPath(`/account/notifications?before=${page.nextBefore}`)}>Older</Link> : null}
        </nav>
      ) : null}
    </div>
  );
}
