import type { ReactNode } from 'react';

export function AuthCard({ title, intro, children, footer }: { title: string; intro?: ReactNode; children: ReactNode; footer?: ReactNode }) {
  return (
    <main className="auth-page" id="main">
      <div className="auth-card stack">
        <div className="stack-sm">
          <p className="shell-brand">Deflect</p>
          <h1>{title}</h1>
          {intro ? <p className="muted">{intro}</p> : null}
        </div>
        {children}
        {footer ? <div className="small muted stack-sm">{footer}</div> : null}
      </div>
    </main>
  );
}
