/** The portal's own pages: `/account` and the route-tree paths below it. */
const SEGMENT = /^[A-Za-z0-9_~-][A-Za-z0-9._~-]{0,99}$/;
export const PAGE_MAX = 300;

/**
 * A portal page as feedback names it: a route-tree path under `/account`, without a scheme, host,
 * query, fragment, empty, dot or encoded segment; a trailing slash is dropped. Null for anything else,
 * so a stored page is always a link into the portal and never somewhere else.
 */
export function portalPage(value: string): string | null {
  if (value.length > PAGE_MAX) return null;
  const path = value.length > 1 && value.endsWith('/') ? value.slice(0, -1) : value;
  if (path === '/account') return path;
  if (!path.startsWith('/account/')) return null;
  return path.slice('/account/'.length).split('/').every((s) => SEGMENT.test(s)) ? path : null;
}
