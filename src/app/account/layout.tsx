import { headers } from 'next/headers';
import type { ReactNode } from 'react';
import { can } from '@config/permissions';
import { requirePortalSession } from '@/platform/auth/current';
import { enabledSections, isSectionEnabled } from '@/platform/config/sections';
import { DemoBanner } from '@/modules/demo/ui/demo-banner';
import { AppShell } from '@/ui/app-shell';
import { AccountNav } from './account-nav';
import { UsageBanner } from './usage/usage-banner';

/** The gate of the portal: nobody sees /account/* without a session and a membership. */
export default async function AccountLayout({ children }: { children: ReactNode }) {
  const session = await requirePortalSession();
  const path = (await headers()).get('x-deflect-path') ?? '/account';
  const items = enabledSections().filter((s) => !s.permission || can(session.role, s.permission));
  return (
    <AppShell
      banners={<DemoBanner />}
      brand={session.organization.name}
      brandHref="/account"
      nav={<AccountNav items={items} currentPath={path.split('?')[0]!} />}
      user={
        <p className="small muted shell-user">
          {session.user.email} · {session.role}
        </p>
      }
    >
      {isSectionEnabled('usage') && can(session.role, 'usage.read') ? <UsageBanner organization={session.organization} /> : null}
      {children}
    </AppShell>
  );
}
