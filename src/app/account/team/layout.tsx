import type { ReactNode } from 'react';
import { requireSectionOpen } from '@/modules/rollout/service';

export default async function TeamSectionLayout({ children }: { children: ReactNode }) {
  await requireSectionOpen('team');
  return children;
}
