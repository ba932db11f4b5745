import { unstable_doesMiddlewareMatch } from 'next/experimental/testing/server';
import { NextRequest } from 'next/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { resetConfigForTests } from '@/platform/config';
import { config, proxy } from './proxy';

function visit(path: string) {
  return proxy(new NextRequest(new URL(path, 'http://localhost:3000')));
}

describe('proxy: switched-off sections', () => {
  afterEach(() => {
    delete process.env.DISABLED_SECTIONS;
    resetConfigForTests();
  });

  it('answers 404 for the pages of a disabled section', () => {
    process.env.DISABLED_SECTIONS = 'team,activity';
    resetConfigForTests();
    expect(visit('/account/team').status).toBe(404);
    expect(visit('/account/activity?before=3').status).toBe(404);
  });

  it('runs for pages, and for JSON routes only when their path holds an escape: the rest are gated by route() without a middleware pass', () => {
    const runsFor = (path: string) => unstable_doesMiddlewareMatch({ config, url: `http://localhost:3000${path}`, nextConfig: {} });
    for (const path of ['/account', '/account/team', '/account/invoices/%ZZ', '/api/account/invoices/%ZZ', '/api/account/invoices/%00/pdf', '/api/v1/organizations/%41']) expect(runsFor(path), path).toBe(true);
    for (const path of ['/api/health', '/api/account/invoices/abc/pdf', '/api/v1/usage-events', '/_next/static/chunks/a.js']) expect(runsFor(path), path).toBe(false);
  });

  it('under a base path runs for every page below it, folded customer pages included, and for nothing outside it', () => {
    const runsFor = (path: string) => unstable_doesMiddlewareMatch({ config, url: `http://localhost:3000${path}`, nextConfig: { basePath: '/account' } });
    for (const path of ['/account', '/account/team', '/account/invoices/%ZZ', '/account/sign-in', '/account/account/team', '/account/api/account/invoices/%ZZ']) expect(runsFor(path), path).toBe(true);
    for (const path of ['/account/api/health', '/account/_next/static/chunks/a.js', '/team', '/sign-in', '/api/account/invoices/%ZZ']) expect(runsFor(path), path).toBe(false);
  });

  it('lets enabled sections and the Account screen through, with the requested path for the gate', () => {
    process.env.DISABLED_SECTIONS = 'team';
    resetConfigForTests();
    for (const path of ['/account', '/account/activity']) {
      const response = visit(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('x-middleware-next'), path).toBe('1');
    }
    expect(visit('/account/activity?before=9').headers.get('x-middleware-request-x-deflect-path')).toBe('/account/activity?before=9');
  });

  it('does not confuse a section with a longer name that starts the same', () => {
    process.env.DISABLED_SECTIONS = 'team';
    resetConfigForTests();
    expect(visit('/account/teamwork').status).toBe(200);
  });
});

describe('proxy: malformed paths', () => {
  const malformed = ['%ZZ', '%', '%E0%A4%A', '%ED%A0%80', '%C0%AF', '%00', 'a%00b', '%0A', '%0d%0a', '%1F', '%7F', 'x'.repeat(257), '%41'.repeat(300)];

  it.each(malformed)('answers the JSON envelope 404 for /api/…/%s', async (segment) => {
    for (const path of [`/api/account/invoices/${segment}`, `/api/account/invoices/${segment}/pdf`, `/api/v1/organizations/${segment}/invoices`]) {
      const response = visit(path);
      expect(response.status, path).toBe(404);
      expect(response.headers.get('content-type'), path).toContain('application/json');
      expect(await response.json(), path).toEqual({ success: false, error: { code: 'not_found', message: expect.any(String) } });
    }
  });

  it.each(malformed)('rewrites /account/…/%s to the not-found page', (segment) => {
    const response = visit(`/account/invoices/${segment}`);
    expect(response.status).toBe(404);
    expect(response.headers.get('x-middleware-rewrite')).toBe('http://localhost:3000/__not-found');
  });

  it.each(['%41', '%C3%9Cber', '%E2%84%96', '%20', 'x'.repeat(256)])('lets a well-formed escape through: %s', (segment) => {
    expect(visit(`/api/v1/organizations/${segment}`).headers.get('x-middleware-next')).toBe('1');
    expect(visit(`/account/invoices/${segment}`).headers.get('x-middleware-next')).toBe('1');
  });
});

describe('proxy: under a base path', () => {
  afterEach(() => {
    delete process.env.BASE_PATH;
    delete process.env.DISABLED_SECTIONS;
    resetConfigForTests();
    vi.resetModules();
  });

  async function proxyUnder(basePath: string) {
    process.env.BASE_PATH = basePath;
    vi.resetModules();
    const { proxy: underBase } = await import('./proxy');
    return (path: string) => underBase(new NextRequest(new URL(path, 'http://localhost:3000'), { nextConfig: { basePath } }));
  }

  it('reads a folded customer page as its route, for the section switch and the gate', async () => {
    process.env.DISABLED_SECTIONS = 'team';
    resetConfigForTests();
    const visitUnder = await proxyUnder('/account');
    expect(visitUnder('/account/team').status).toBe(404);
    expect(visitUnder('/account/team').headers.get('x-middleware-rewrite')).toBe('http://localhost:3000/account/__not-found');
    expect(visitUnder('/account/activity?before=9').headers.get('x-middleware-request-x-deflect-path')).toBe('/account/activity?before=9');
    expect(visitUnder('/account').headers.get('x-middleware-request-x-deflect-path')).toBe('/account');
    expect(visitUnder('/account/sign-in?next=%2Faccount').headers.get('x-middleware-request-x-deflect-path')).toBe('/sign-in?next=%2Faccount');
  });

  it('keeps the base path on the not-found page of a malformed path', async () => {
    const visitUnder = await proxyUnder('/help/portal');
    expect(visitUnder('/help/portal/invoices/%ZZ').headers.get('x-middleware-rewrite')).toBe('http://localhost:3000/help/portal/__not-found');
  });
});
