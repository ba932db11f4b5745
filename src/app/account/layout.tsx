import Link from 'next/link';
import { headers } from 'next/headers';
import type { ReactNode } from 'react';
import { can } from '@config/permissions';
import { requirePortalSession } from '@/platform/auth/current';
import { enabledSections, isSectionEnabled } from '@/platform/config/sections';
import { DemoBanner } from '@/modules/demo/ui/demo-banner';
import { AccountNav } from './account-nav';
import { UsageBanner } from './usage/usage-banner';
import { portalPath } from '@/platform/http/portal-path';

/** The gate of the portal: nobody sees /account/* without a session and a membership. */
export default async function AccountLayout({ children }: { children: ReactNode }) {
  const session = await requirePortalSession();
  const path = (await headers()).get('x-deflect-path') ?? '/account';
  const items = enabledSections().filter((s) => !s.permission || can(session.role, s.permission));
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <DemoBanner />
      <div className="shell">
        <aside className="shell-sidebar">
          <Link className="shell-brand" href={portalPath('/account')}>
            {session.organization.name}
          </Link>
          <AccountNav items={items} currentPath={path.split('?')[0]!} />
          <p className="small muted shell-user">
            {session.user.email} · {session.role}
          </p>
        </aside>
        <main className="shell-main" id="main" tabIndex={-1}>
          {isSectionEnabled('usage') && can(session.role, 'usage.read') ? <UsageBanner organization={session.organization} /> : null}
          {children}
        </main>
      </div>
    </>
  );
}
