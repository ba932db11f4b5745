import { cookies, headers } from 'next/headers';

/**
 * This request's headers with the cookie jar's cookies: after a server action in which Better Auth
 * set or replaced a session cookie, only the jar holds the new one.
 */
export async function headersWithCookieJar(): Promise<Headers> {
  const requestHeaders = new Headers(await headers());
  requestHeaders.set('cookie', (await cookies()).toString());
  return requestHeaders;
}
