'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { publicPath } from '@/platform/http/portal-path';
import { ProgressBar } from '@/ui/chart-progress';

type Progress = { status: string; progress: number; rows: number };

const POLL_MS = 1000;

/**
 * The import's progress, read from the server every second: it is kept on the run, so a reload shows
 * where the import is. Once the run is ready or failed the page is rendered anew with its results.
 */
export function ImportProgress({ auditId, initial }: { auditId: string; initial: Progress }) {
  const router = useRouter();
  const [progress, setProgress] = useState(initial);

  useEffect(() => {
    let stopped = false;
    const timer = setInterval(async () => {
      const response = await fetch(publicPath(`/api/admin/inbox-audits/${encodeURIComponent(auditId)}`)).catch(() => null);
      const answer = (await response?.json().catch(() => null)) as { data?: { audit: Progress } } | null;
      if (stopped || !answer?.data) return;
      setProgress(answer.data.audit);
      if (answer.data.audit.status !== 'importing') {
        clearInterval(timer);
        router.refresh();
      }
    }, POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [auditId, router]);

  const percent = Math.round(progress.progress * 100);
  return (
    <div className="stack-sm" aria-live="polite">
      <ProgressBar label="Import progress" percent={percent} warnAt={101} />
      <p className="small muted">
        Importing: {percent}% of the file read, {progress.rows.toLocaleString('en')} rows so far.
      </p>
    </div>
  );
}
