'use client';

import type { Section } from '@config/sections';
import { ShellNav } from '@/ui/shell-nav';

/** The section links of /account; a section still to come carries a "Soon" badge. */
export function AccountNav({ items, currentPath }: { items: Section[]; currentPath: string }) {
  const links = items.map((item) => ({ id: item.id, label: item.label, href: item.href, badge: item.ready ? undefined : 'Soon' }));
  return <ShellNav label="Account" listId="account-nav" home="/account" items={links} currentPath={currentPath} />;
}
