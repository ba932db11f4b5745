'use client';

import { Button } from '@/ui/button';
import { EmptyState } from '@/ui/empty-state';

export default function AccountError({ reset }: { error: Error; reset: () => void }) {
  return (
    <EmptyState
      title="Something went wrong"
      description="We could not load this page. Please try again; if it keeps happening, contact support."
      action={<Button onClick={reset}>Try again</Button>}
    />
  );
}
