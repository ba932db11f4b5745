import type { ReactNode } from 'react';
import { requireSectionOpen } from '@/modules/rollout/service';

export default async function SupportSectionLayout({ children }: { children: ReactNode }) {
  await requireSectionOpen('support');
  return children;
}
