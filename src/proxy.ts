import { NextResponse, type NextRequest } from 'next/server';
import { isSwitchedOff } from '@/platform/config/sections';
import { fail } from '@/platform/http/envelope';
import { notFound } from '@/platform/http/errors';
import { isWellFormedPath } from '@/platform/http/path-segments';
import { internalPath } from '@/platform/http/portal-path';

function notFoundPage(request: NextRequest) {
  const url = request.nextUrl.clone(); // keeps the base path
  url.pathname = '/__not-found';
  url.search = '';
  return NextResponse.rewrite(url, { status: 404 });
}

/**
 * The pages of switched-off sections answer 404 here (their JSON routes do in `route()`). Layouts do
 * not see the URL, and the /account and /admin gates need it for `next=`, so it travels on as a header.
 * A path whose escapes do not decode (`%ZZ`), or decode to a control character, is not found: Next's
 * own decoding would answer a plain-text 500. JSON routes come here only when their path holds a `%`.
 */
export function proxy(request: NextRequest) {
  const raw = request.nextUrl.pathname; // below the base path
  const api = raw.startsWith('/api/');
  if (!isWellFormedPath(raw)) return api ? fail(notFound('Route')) : notFoundPage(request);
  if (api) return NextResponse.next();
  const path = internalPath(raw);
  if (isSwitchedOff(path)) return notFoundPage(request);
  const headers = new Headers(request.headers);
  headers.set('x-deflect-path', path + request.nextUrl.search);
  return NextResponse.next({ request: { headers } });
}

// Every page (under a base path the customer pages are any path the other routes leave), and the JSON
// routes whose path holds an escape. Next puts the base path in front of each pattern.
export const config = { matcher: ['/', '/((?!api/|_next/).+)', '/api/:path(.*%.*)'] };
