import { getConfig } from '../config';
import { publicPath } from './portal-path';

/**
 * The pages a redirect may end on: `next` after sign-in, the `path` of a host handoff, and the
 * callbacks of the mailed sign-up, reset and email-change links; `staff` for the staff console's
 * handoff and sign-in. `next`, `path` and `staff` name route-tree paths (redirect() adds the base
 * path); Better Auth sends the browser to a callback as it is, so callbacks are the paths the browser sees.
 */
export function redirectPrefixes(): { next: readonly string[]; handoff: readonly string[]; callback: readonly string[]; staff: readonly string[] } {
  return { next: ['/account', '/invitations/accept'], handoff: ['/account'], callback: ['/account', '/invitations/accept', '/reset-password'].map((p) => publicPath(p)), staff: ['/admin'] };
}

export const DEFAULT_REDIRECT = '/account';
export const STAFF_HOME = '/admin';
export const MAX_REDIRECT_LENGTH = 2000;

// C0 and C1 controls, DEL, the Unicode line and paragraph separators (a browser or a header writer
// drops or chokes on them), and the backslash browsers read as a slash.
const UNSAFE_CHARACTER = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\\]/;
// Encoded slashes, backslashes and controls: no page of the portal has one in its path.
const UNSAFE_ENCODED = /%(?:2f|5c|[01][0-9a-f]|7f)/i;

function portalOrigin(): string {
  return new URL(getConfig().portalUrl).origin;
}

function isUnder(pathname: string, prefix: string): boolean {
  return pathname === prefix || pathname.startsWith(`${prefix}/`);
}

/**
 * Where a user-supplied target may send the browser, or null. The value is parsed by the URL parser
 * against the portal's origin, so dot segments and encoded dots are resolved as a browser would; the
 * result must stay on that origin and under one of `prefixes`. Returns the normalized relative target
 * (path, query, fragment), never the raw input.
 */
export function resolveRedirectTarget(value: unknown, prefixes: readonly string[]): string | null {
  if (typeof value !== 'string' || value.length > MAX_REDIRECT_LENGTH) return null;
  if (!value.startsWith('/') || value.startsWith('//') || UNSAFE_CHARACTER.test(value)) return null;
  const origin = portalOrigin();
  let url: URL;
  try {
    url = new URL(value, origin);
  } catch {
    return null;
  }
  if (url.origin !== origin || url.username || url.password) return null;
  const { pathname } = url;
  if (pathname.startsWith('//') || UNSAFE_ENCODED.test(pathname)) return null;
  if (!prefixes.some((prefix) => isUnder(pathname, prefix))) return null;
  return pathname + url.search + url.hash;
}

/** `next=` after sign-in: a page of the portal, else /account. Never another site. */
export function safeNextPath(value: string | null | undefined): string {
  return resolveRedirectTarget(value, redirectPrefixes().next) ?? DEFAULT_REDIRECT;
}

/** `next=` on the staff sign-in: a page of the console, else its home. */
export function safeStaffPath(value: string | null | undefined): string {
  return resolveRedirectTarget(value, redirectPrefixes().staff) ?? STAFF_HOME;
}
