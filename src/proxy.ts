import { NextResponse, type NextRequest } from 'next/server';

/** Layouts do not see the URL; the /account gate needs it for `next=`, so it travels as a header. */
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set('x-deflect-path', request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.next({ request: { headers } });
}

export const config = { matcher: ['/account/:path*', '/account'] };
