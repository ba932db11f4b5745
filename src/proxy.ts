import { NextResponse, type NextRequest } from 'next/server';
import { isSwitchedOff } from '@/platform/config/sections';
import { fail } from '@/platform/http/envelope';
import { notFound } from '@/platform/http/errors';
import { isWellFormedPath } from '@/platform/http/path-segments';

const notFoundPage = (request: NextRequest) => NextResponse.rewrite(new URL('/__not-found', request.url), { status: 404 });

/**
 * The pages of switched-off sections answer 404 here (their JSON routes do in `route()`). Layouts do
 * not see the URL, and the /account and /admin gates need it for `next=`, so it travels on as a header.
 * A path whose escapes do not decode (`%ZZ`), or decode to a control character, is not found: Next's
 * own decoding would answer a plain-text 500. JSON routes come here only when their path holds a `%`.
 */
export function proxy(request: NextRequest) {
  const path = request.nextUrl.pathname;
  const api = path.startsWith('/api/');
  if (!isWellFormedPath(path)) return api ? fail(notFound('Route')) : notFoundPage(request);
  if (api) return NextResponse.next();
  if (isSwitchedOff(path)) return notFoundPage(request);
  const headers = new Headers(request.headers);
  headers.set('x-deflect-path', path + request.nextUrl.search);
  return NextResponse.next({ request: { headers } });
}

export const config = { matcher: ['/account', '/account/:path*', '/admin', '/admin/:path*', '/api/:path(.*%.*)'] };
