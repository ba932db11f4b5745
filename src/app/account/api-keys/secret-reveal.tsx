'use client';

import { createContext, useContext, useState, type ReactNode } from 'react';
import { Button } from '@/ui/button';
import { CopyButton } from '@/ui/copy-button';
import { Dialog } from '@/ui/dialog';

type Reveal = { name: string; secret: string; note?: string };

const RevealContext = createContext<(reveal: Reveal) => void>(() => undefined);

/** The dialogs that make a key hand its secret here, so it stays on screen while the list changes under it. */
export function useRevealSecret() {
  return useContext(RevealContext);
}

export function SecretRevealProvider({ children }: { children: ReactNode }) {
  const [reveal, setReveal] = useState<Reveal | null>(null);
  const close = () => setReveal(null);
  return (
    <RevealContext.Provider value={setReveal}>
      {children}
      <Dialog
        open={reveal !== null}
        onClose={close}
        closeOnBackdropClick={false}
        title={`Copy your new key${reveal ? ` “${reveal.name}”` : ''}`}
        footer={
          <Button type="button" onClick={close}>
            I have copied it
          </Button>
        }
      >
        {reveal ? (
          <div className="stack">
            <p className="banner banner-warning" role="note">
              <strong>This is the only time the key is shown.</strong> Store it somewhere safe now, such as your secrets manager. If you lose it, rotate the key.
            </p>
            <div className="row">
              <textarea className="input mono grow secret-text" readOnly rows={2} value={reveal.secret} aria-label="New API key" onFocus={(e) => e.currentTarget.select()} />
              <CopyButton text={reveal.secret} />
            </div>
            {reveal.note ? <p className="muted small">{reveal.note}</p> : null}
          </div>
        ) : null}
      </Dialog>
    </RevealContext.Provider>
  );
}
