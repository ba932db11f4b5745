import Link from 'next/link';
import type { ReactNode } from 'react';
import { portalPath } from '@/platform/http/portal-path';

/**
 * A signed-in area's frame: the skip link, the banners above everything, a sidebar (brand and its
 * tools such as the notification bell, navigation, who is signed in) and the main column the skip
 * link lands on. On a narrow screen the sidebar is the header bar.
 */
export function AppShell({
  banners,
  brand,
  brandHref,
  tools,
  nav,
  user,
  children,
}: {
  banners: ReactNode;
  brand: ReactNode;
  brandHref: string /* a route-tree path */;
  tools?: ReactNode;
  nav: ReactNode;
  user: ReactNode;
  children: ReactNode;
}) {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      {banners}
      <div className="shell">
        <aside className="shell-sidebar">
          <div className="shell-head">
            <Link className="shell-brand" href={portalPath(brandHref)}>
              {brand}
            </Link>
            {tools}
          </div>
          {nav}
          {user}
        </aside>
        <main className="shell-main" id="main" tabIndex={-1}>
          {children}
        </main>
      </div>
    </>
  );
}
