import type { ReactNode } from 'react';
import { requireSectionOpen } from '@/modules/rollout/service';

export default async function BillingSectionLayout({ children }: { children: ReactNode }) {
  await requireSectionOpen('billing');
  return children;
}
