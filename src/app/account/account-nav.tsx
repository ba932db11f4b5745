import Link from 'next/link';
import type { Section } from '@/platform/config/sections';

export function AccountNav({ items, currentPath }: { items: Section[]; currentPath: string }) {
  return (
    <nav className="nav" aria-label="Account">
      <ul>
        {items.map((item) => {
          const current = item.href === '/account' ? currentPath === '/account' : currentPath.startsWith(item.href);
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
