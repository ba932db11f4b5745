/**
 * The portal's paths under a base path. The route tree keeps the customer pages under `/account`
 * (`/account/team`) and everything else at its root (`/sign-in`, `/api/...`). Without a base path
 * that is also what the browser sees. With `BASE_PATH=/account`, Next serves every page, route and
 * asset under the base, and the customer pages fold into it: `/account/team` rather than
 * `/account/account/team` (next.config rewrites the folded paths back onto the route tree).
 *
 * Code names pages by their route-tree path ("internal") and converts at the edge: `portalPath` for
 * what Next prefixes itself (Link, redirect(), router.push), `publicPath` for what it does not (raw
 * anchors, fetch(), Location headers).
 */

const ACCOUNT = '/account';

/**
 * The first segments the route tree holds at its root besides the customer pages; with a base path,
 * any other path is a customer page. A test keeps this list equal to `src/app`.
 */
export const ROOT_SEGMENTS: readonly string[] = [
  'account',
  'admin',
  'api',
  'check-email',
  'forgot-password',
  'handoff-expired',
  'icon.svg',
  'invitations',
  'no-organization',
  'reset-password',
  'sign-in',
  'sign-up',
  'two-factor',
  '_next',
];

const SHAPE = /^(\/[A-Za-z0-9._~-]+)+$/;

/** '' (no base path) or the base path without a trailing slash; anything else is refused. */
export function normalizeBasePath(value: string | undefined): string {
  const trimmed = (value ?? '').trim().replace(/\/+$/, '');
  if (trimmed === '') return '';
  if (!SHAPE.test(trimmed) || trimmed.split('/').some((segment) => segment === '.' || segment === '..')) {
    throw new Error(`BASE_PATH must be a path such as /account (letters, digits, ".", "_", "~", "-" between slashes); got "${value}".`);
  }
  return trimmed;
}

/** The base path this build serves under; next.config puts it into the bundles. */
export const basePath = normalizeBasePath(process.env.DEFLECT_BASE_PATH ?? process.env.BASE_PATH);

function splitPath(path: string): [string, string] {
  const at = path.search(/[?#]/);
  return at === -1 ? [path, ''] : [path.slice(0, at), path.slice(at)];
}

/** A route-tree path as Link, redirect() and router.push take it (they add the base path). */
export function portalPath(internal: string, base = basePath): string {
  if (!base) return internal;
  const [pathname, rest] = splitPath(internal);
  if (pathname !== ACCOUNT && !pathname.startsWith(`${ACCOUNT}/`)) return internal;
  return (pathname.slice(ACCOUNT.length) || '/') + rest;
}

/** A route-tree path as the browser sees it: for raw anchors, fetch() and Location headers. */
export function publicPath(internal: string, base = basePath): string {
  const relative = portalPath(internal, base);
  if (!base) return relative;
  const [pathname, rest] = splitPath(relative);
  return (pathname === '/' ? base : base + pathname) + rest;
}

/** The route-tree path of a path below the base path (what the proxy sees): the inverse of portalPath. */
export function internalPath(relative: string, base = basePath): string {
  if (!base) return relative;
  const first = relative.split('/')[1] ?? '';
  if (ROOT_SEGMENTS.includes(first)) return relative;
  const [pathname, rest] = splitPath(relative);
  return (pathname === '/' ? ACCOUNT : ACCOUNT + pathname) + rest;
}

/** The route-tree path of a JSON route's request URL, whether or not Next left the base path in it. */
export function routePathOf(url: string, base = basePath): string {
  const { pathname } = new URL(url);
  return base && pathname.startsWith(`${base}/api/`) ? pathname.slice(base.length) : pathname;
}
