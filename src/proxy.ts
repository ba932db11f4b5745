import { NextResponse, type NextRequest } from 'next/server';
import { isSwitchedOff } from '@/platform/config/sections';

/**
 * The pages of switched-off sections answer 404 here (their JSON routes do in `route()`). Layouts do
 * not see the URL, and the /account gate needs it for `next=`, so it travels on as a header.
 */
export function proxy(request: NextRequest) {
  const path = request.nextUrl.pathname;
  if (isSwitchedOff(path)) return NextResponse.rewrite(new URL('/__section-disabled', request.url), { status: 404 });
  const headers = new Headers(request.headers);
  headers.set('x-deflect-path', path + request.nextUrl.search);
  return NextResponse.next({ request: { headers } });
}

export const config = { matcher: ['/account', '/account/:path*'] };
