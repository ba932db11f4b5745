import type { ReactNode } from 'react';

/**
 * A signed-in area's frame: the skip link, the banners above everything, a sidebar (brand, navigation,
 * who is signed in) and the main column the skip link lands on.
 */
export function AppShell({ banners, brand, brandHref, nav, user, children }: { banners: ReactNode; brand: ReactNode; brandHref: string; nav: ReactNode; user: ReactNode; children: ReactNode }) {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      {banners}
      <div className="shell">
        <aside className="shell-sidebar">
          <a className="shell-brand" href={brandHref}>
            {brand}
          </a>
          {nav}
          {user}
        </aside>
        <main className="shell-main" id="main" tabIndex={-1}>
          {children}
        </main>
      </div>
    </>
  );
}
