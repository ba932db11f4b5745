import { NextResponse, type NextRequest } from 'next/server';
import { isSectionEnabled, sectionOfPath } from '@/platform/config/sections';

/**
 * Switched-off sections answer 404 here, for pages and JSON routes alike. Layouts do not see the
 * URL, and the /account gate needs it for `next=`, so it travels on as a header.
 */
export function proxy(request: NextRequest) {
  const path = request.nextUrl.pathname;
  const section = sectionOfPath(path);
  if (section && !isSectionEnabled(section.id)) {
    return path.startsWith('/api/')
      ? NextResponse.json({ success: false, error: { code: 'not_found', message: 'Route not found.' } }, { status: 404 })
      : NextResponse.rewrite(new URL('/__section-disabled', request.url), { status: 404 });
  }
  const headers = new Headers(request.headers);
  headers.set('x-deflect-path', path + request.nextUrl.search);
  return NextResponse.next({ request: { headers } });
}

export const config = { matcher: ['/account', '/account/:path*', '/api/account/:path*'] };
