import { headers } from 'next/headers';
import { Suspense, type ReactNode } from 'react';
import { actorOf, requirePortalSession } from '@/platform/auth/current';
import { sectionsFor } from '@/platform/config/sections';
import { sectionsOpenTo } from '@/modules/rollout/service';
import { DemoBanner } from '@/modules/demo/ui/demo-banner';
import { HelpDrawer } from '@/modules/help/ui/help-drawer';
import { FeedbackButton } from '@/modules/feedback/ui/feedback-button';
import { NotificationBell } from '@/modules/notifications/ui/bell';
import { SolvedPromptSlot } from '@/modules/support/ui/solved-prompt-slot';
import { AppShell } from '@/ui/app-shell';
import { AccountNav } from './account-nav';

/**
 * The gate of the portal: nobody sees /account/* without a session and a membership. The navigation
 * lists the sections rolled out to the organization; each section's layout turns the others away.
 */
export default async function AccountLayout({ children }: { children: ReactNode }) {
  const session = await requirePortalSession();
  const path = (await headers()).get('x-deflect-path') ?? '/account';
  const open = await sectionsOpenTo(session.organization.id);
  const items = sectionsFor((await actorOf(session))!).filter((s) => open.has(s.id));
  return (
    <AppShell
      banners={<DemoBanner />}
      brand={session.organization.name}
      brandHref="/account"
      tools={
        <span className="shell-tools">
          <FeedbackButton />
          <HelpDrawer />
          <NotificationBell />
        </span>
      }
      nav={<AccountNav items={items} currentPath={path.split('?')[0]!} />}
      user={
        <p className="small muted shell-user">
          {session.user.email} · {session.role}
        </p>
      }
    >
      <Suspense fallback={null}>
        <SolvedPromptSlot />
      </Suspense>
      {children}
    </AppShell>
  );
}
