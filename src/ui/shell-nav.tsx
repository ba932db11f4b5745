'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { internalPath, portalPath } from '@/platform/http/portal-path';

export type ShellNavItem = { id: string; label: string; href: string; badge?: string };

/**
 * The links of a shell: a sidebar on a wide screen; on a narrow one, a list behind a Menu button
 * (a disclosure: it pushes the page down rather than covering it, so focus needs no trap).
 * `home` is current only on itself; every other item also on the pages below it. Hrefs and paths
 * are route-tree paths (see portal-path.ts).
 */
export function ShellNav({ label, listId, home, items, currentPath }: { label: string; listId: string; home: string; items: ShellNavItem[]; currentPath: string }) {
  // The layout that renders this is kept across client-side navigations, so the path it was
  // rendered for goes stale; the router's path is the one being shown.
  const routerPath = usePathname();
  const path = routerPath === null ? currentPath : internalPath(routerPath);
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);

  // Focus goes back to the button rather than to a link that is about to be hidden (a no-op on a
  // wide screen, where the button is not shown and the list stays).
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  const closeOnEscape = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && open) close();
  };
  const closeOnFollow = (event: MouseEvent) => {
    if (open && (event.target as Element).closest('a')) close();
  };

  return (
    <div className="nav-area" onKeyDown={closeOnEscape}>
      <button ref={button} type="button" className="btn btn-secondary btn-sm nav-toggle" aria-expanded={open} aria-controls={listId} onClick={() => setOpen(!open)}>
        <span aria-hidden="true" className="nav-toggle-icon" />
        Menu
      </button>
      <nav id={listId} className="nav" aria-label={label} data-open={open || undefined} onClick={closeOnFollow}>
        <ul>
          {items.map((item) => {
            const current = item.href === home ? path === home : path.startsWith(item.href);
            return (
              <li key={item.id}>
                <Link href={portalPath(item.href)} aria-current={current ? 'page' : undefined}>
                  {item.label}
                  {item.badge ? <span className="badge nav-soon">{item.badge}</span> : null}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
    </div>
  );
}
