'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import type { Section } from '@config/sections';

const LIST_ID = 'account-nav';

/**
 * The section links: a sidebar on a wide screen; on a narrow one, a list behind a Menu button
 * (a disclosure: it pushes the page down rather than covering it, so focus needs no trap).
 */
export function AccountNav({ items, currentPath }: { items: Section[]; currentPath: string }) {
  // The layout that renders this is kept across client-side navigations, so the path it was
  // rendered for goes stale; the router's path is the one being shown.
  const path = usePathname() ?? currentPath;
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
      <button ref={button} type="button" className="btn btn-secondary btn-sm nav-toggle" aria-expanded={open} aria-controls={LIST_ID} onClick={() => setOpen(!open)}>
        <span aria-hidden="true" className="nav-toggle-icon" />
        Menu
      </button>
      <nav id={LIST_ID} className="nav" aria-label="Account" data-open={open || undefined} onClick={closeOnFollow}>
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
    </div>
  );
}
