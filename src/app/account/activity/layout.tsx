import type { ReactNode } from 'react';
import { requireSectionOpen } from '@/modules/rollout/service';

export default async function ActivitySectionLayout({ children }: { children: ReactNode }) {
  await requireSectionOpen('activity');
  return children;
}
