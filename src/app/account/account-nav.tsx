'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { Section } from '@/platform/config/sections';

export function AccountNav({ items, currentPath }: { items: Section[]; currentPath: string }) {
  // The layout that renders this is kept across client-side navigations, so the path it was
  // rendered for goes stale; the router's path is the one being shown.
  const path = usePathname() ?? currentPath;
  return (
    <nav className="nav" aria-label="Account">
      <ul>
        {items.map((item) => {
          const current = item.href === '/account' ? path === '/account' : path.startsWith(item.href);
          return (
            <li key={item.id}>
              <Link href={item.href} aria-current={current ? 'page' : undefined}>
                {item.label}
                {item.ready ? null : <span className="badge nav-soon">Soon</span>}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
