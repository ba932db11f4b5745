import type { ReactNode } from 'react';
import { requireSectionOpen } from '@/modules/rollout/service';

export default async function ApiKeysSectionLayout({ children }: { children: ReactNode }) {
  await requireSectionOpen('api-keys');
  return children;
}
