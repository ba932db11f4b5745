// Known open-redirect bypass shapes for `next=` and the handoff `path`, shared by the resolver's unit
// test and the Chromium journey. Every one of them must end on the default page of the portal.

/** Targets that must never be honoured; `portalOrigin` lets a shape borrow the portal's own host. */
export function hostileRedirects(portalOrigin: string): string[] {
  const { host } = new URL(portalOrigin);
  return [
    // Protocol-relative and dot segments that a browser collapses into one
    '//evil.example',
    '///evil.example',
    '/.//evil.example',
    '/././/evil.example',
    '/account/..//evil.example',
    '/account/../..//evil.example',
    '/account/../../evil',
    '/.%2e/evil.example',
    // Backslashes, raw and encoded
    '/\\evil.example',
    '\\\\evil.example',
    '/\\/evil.example',
    '/account/\\evil.example',
    '/%5Cevil.example',
    '/%5C%5Cevil.example',
    // Encoded slashes and dots
    '/%2F%2Fevil.example',
    '/%2f/evil.example',
    '/account/%2F%2Fevil.example',
    '/%2e%2e//evil.example',
    '/account/%2e%2e//evil.example',
    '/account/%2E%2E/%2E%2E//evil.example',
    // Whitespace and controls that the URL parser strips or a header writer chokes on
    '\t//evil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    '/\r\n/evil.example',
    ' //evil.example',
    '/account\r',
    '/account/\nx',
    '/account\r\nLocation: https://evil.example',
    '/account/%0d%0aLocation:%20https://evil.example',
    '/account%0d%0aLocation:%20https://evil.example',
    '/account\u2028',
    '/account/\u2029x',
    '/account\u0000',
    '/account\u0085',
    '/account\u007f',
    // Other schemes
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'java\tscript:alert(1)',
    '/javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'https://evil.example',
    'https://evil.example/account',
    'https:evil.example',
    'http:evil.example',
    // Userinfo and look-alike hosts
    '//user@evil.example',
    '/account@evil.example',
    `http://${host}@evil.example`,
    `//${host}@evil.example/account`,
    `${portalOrigin}.evil.example/account`,
    '//xn--evl-0na.example',
    '//\u0435vil.example',
    '/\uff0f\uff0fevil.example',
    // Same origin, but not a page a sign-in may return to
    '/sign-in',
    '/api/auth/sign-out',
    '/accounting',
  ];
}

/** Legitimate targets and what the resolver makes of them. */
export const legitimateRedirects: Array<[input: string, resolved: string]> = [
  ['/account', '/account'],
  ['/account/team?x=1#y', '/account/team?x=1#y'],
  ['/account/./activity', '/account/activity'],
  ['/account/x/../activity', '/account/activity'],
  ['/account?next=%2F%2Fevil.example', '/account?next=%2F%2Fevil.example'],
  ['/account/team?q=a b', '/account/team?q=a%20b'],
];
