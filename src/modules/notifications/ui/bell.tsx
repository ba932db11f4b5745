import Link from 'next/link';
import { readPage } from '@/platform/actions/read-page';
import { portalPath } from '@/platform/http/portal-path';
import { unreadCountQuery } from '../queries';

/** How the bell is named to a screen reader: "Notifications, 3 unread". */
export function bellLabel(unread: number): string {
  return unread === 0 ? 'Notifications, none unread' : `Notifications, ${unread} unread`;
}

/** The portal header's bell: the unread count, rendered on the server, leading to the list. */
export async function NotificationBell() {
  const read = await readPage(unreadCountQuery, {});
  const unread = read.status === 'ok' ? read.data.unreadCount : 0;
  return (
    <Link href={portalPath('/account/notifications')} className="bell" aria-label={bellLabel(unread)} title="Notifications">
      <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
        <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>
      {unread > 0 ? (
        <span className="bell-count" aria-hidden="true">
          {unread > 99 ? '99+' : unread}
        </span>
      ) : null}
    </Link>
  );
}
