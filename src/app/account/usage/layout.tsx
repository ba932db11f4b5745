import type { ReactNode } from 'react';
import { requireSectionOpen } from '@/modules/rollout/service';

export default async function UsageSectionLayout({ children }: { children: ReactNode }) {
  await requireSectionOpen('usage');
  return children;
}
