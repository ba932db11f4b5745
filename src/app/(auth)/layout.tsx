import type { ReactNode } from 'react';
import { DemoBanner } from '@/modules/demo/ui/demo-banner';

// These pages read runtime configuration (sign-up switch, host sign-in URL): never prerender them.
export const dynamic = 'force-dynamic';

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <DemoBanner />
      {children}
    </>
  );
}
