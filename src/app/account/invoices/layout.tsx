import type { ReactNode } from 'react';
import { requireSectionOpen } from '@/modules/rollout/service';

export default async function InvoicesSectionLayout({ children }: { children: ReactNode }) {
  await requireSectionOpen('invoices');
  return children;
}
