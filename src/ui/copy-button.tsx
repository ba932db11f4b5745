'use client';

import { useState } from 'react';
import { Button } from './button';

/** Copies `text` to the clipboard and says so for a moment (and to screen readers). */
export function CopyButton({ text, label = 'Copy' }: { text: string; label?: string }) {
  const [copied, setCopied] = useState<boolean | 'failed'>(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
    } catch {
      setCopied('failed');
    }
  };
  return (
    <>
      <Button type="button" variant="secondary" onClick={copy}>
        {copied === true ? 'Copied' : label}
      </Button>
      <span role="status" className="sr-only">
        {copied === true ? 'Copied to the clipboard.' : copied === 'failed' ? 'Could not copy: select the text and copy it by hand.' : ''}
      </span>
    </>
  );
}
