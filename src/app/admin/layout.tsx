import { headers } from 'next/headers';
import type { ReactNode } from 'react';
import { staffCan } from '@config/permissions';
import { DemoBanner } from '@/modules/demo/ui/demo-banner';
import { currentStaff } from '@/platform/auth/staff-session';
import { AppShell } from '@/ui/app-shell';
import { ShellNav } from '@/ui/shell-nav';
import { SignOutButton } from '../sign-out-button';
import { consoleSections } from './console-sections';
import { staffSignOutAction } from './sign-in/actions';

// Every console page reads the staff session: never prerender one.
export const dynamic = 'force-dynamic';
export const metadata = { title: { default: 'Staff console', template: '%s · Staff console' } };

/**
 * The console's shell around every /admin page of a signed-in staff member. Without one (the sign-in
 * pages) the page stands alone; every console page checks the session itself (requireStaffPage),
 * since Next renders a layout and its page side by side.
 */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const staff = await currentStaff();
  if (!staff) {
    return (
      <>
        <DemoBanner />
        {children}
      </>
    );
  }
  const path = ((await headers()).get('x-deflect-path') ?? '/admin').split('?')[0]!;
  const items = consoleSections.filter((s) => staffCan(staff.role, s.permission));
  return (
    <AppShell
      banners={<DemoBanner />}
      brand="Deflect staff"
      brandHref="/admin"
      nav={<ShellNav label="Console" listId="console-nav" home="/admin" items={items} currentPath={path} />}
      user={
        <div className="small muted shell-user stack-sm">
          <p>
            {staff.name} · {staff.role}
          </p>
          <SignOutButton action={staffSignOutAction} />
        </div>
      }
    >
      {children}
    </AppShell>
  );
}
