'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { internalPath, portalPath } from '@/platform/http/portal-path';

const FEEDBACK_PAGE = '/account/feedback';

/**
 * The header's Feedback link, to the form with the page being shown as `from`. A client component
 * only for the router's path: the layout that renders it is kept across client-side navigations.
 */
export function FeedbackButton() {
  const routerPath = usePathname();
  const path = routerPath === null ? null : internalPath(routerPath);
  const href = !path || path === FEEDBACK_PAGE ? FEEDBACK_PAGE : `${FEEDBACK_PAGE}?from=${encodeURIComponent(path)}`;
  return (
    <Link href={portalPath(href)} className="btn btn-secondary btn-sm shell-feedback" aria-current={path === FEEDBACK_PAGE ? 'page' : undefined}>
      Feedback
    </Link>
  );
}
