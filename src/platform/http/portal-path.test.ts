import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { internalPath, normalizeBasePath, portalPath, publicPath, ROOT_SEGMENTS, routePathOf } from './portal-path';

describe('normalizeBasePath', () => {
  it('takes no base path, or one path with its trailing slash dropped', () => {
    expect(normalizeBasePath(undefined)).toBe('');
    expect(normalizeBasePath('')).toBe('');
    expect(normalizeBasePath('/')).toBe('');
    expect(normalizeBasePath('/account/')).toBe('/account');
    expect(normalizeBasePath('/support/portal')).toBe('/support/portal');
  });

  it.each(['account', '//evil.example', '/a b', '/a/../b', '/./a', '/a?b', '/a#b', '/%2e%2e', '/a\\b', 'https://x.example/a'])('refuses %j', (value) => {
    expect(() => normalizeBasePath(value)).toThrow(/BASE_PATH must be a path/);
  });
});

describe('without a base path', () => {
  it('leaves every path as the route tree has it', () => {
    for (const p of ['/account', '/account/team?x=1', '/sign-in', '/api/account/me']) {
      expect(portalPath(p, '')).toBe(p);
      expect(publicPath(p, '')).toBe(p);
      expect(internalPath(p, '')).toBe(p);
    }
  });
});

describe('under /account', () => {
  const base = '/account';
  it.each([
    ['/account', '/', '/account'],
    ['/account?notice=joined', '/?notice=joined', '/account?notice=joined'],
    ['/account#main', '/#main', '/account#main'],
    ['/account/team', '/team', '/account/team'],
    ['/account/invoices/in_1?x=%2F', '/invoices/in_1?x=%2F', '/account/invoices/in_1?x=%2F'],
    ['/sign-in?next=%2Faccount', '/sign-in?next=%2Faccount', '/account/sign-in?next=%2Faccount'],
    ['/api/account/invoices/1/pdf', '/api/account/invoices/1/pdf', '/account/api/account/invoices/1/pdf'],
    ['/accounts', '/accounts', '/account/accounts'],
  ])('%s is %s for Link and %s in the browser', (internal, relative, browser) => {
    expect(portalPath(internal, base)).toBe(relative);
    expect(publicPath(internal, base)).toBe(browser);
  });

  it.each([
    ['/', '/account'],
    ['/team', '/account/team'],
    ['/invoices/in_1?x=1', '/account/invoices/in_1?x=1'],
    ['/sign-in', '/sign-in'],
    ['/api/health', '/api/health'],
    ['/account/team', '/account/team'],
    ['/_next/static/x.js', '/_next/static/x.js'],
  ])('the proxy reads %s as the route %s', (relative, internal) => {
    expect(internalPath(relative, base)).toBe(internal);
  });

  it('round-trips every customer page', () => {
    for (const internal of ['/account', '/account/team', '/account/billing?flow=card']) {
      expect(internalPath(portalPath(internal, base), base)).toBe(internal);
    }
  });
});

it('under a deeper base path the customer pages fold into it too', () => {
  expect(publicPath('/account/team', '/help/portal')).toBe('/help/portal/team');
  expect(publicPath('/sign-in', '/help/portal')).toBe('/help/portal/sign-in');
  expect(internalPath('/team', '/help/portal')).toBe('/account/team');
});

it('ROOT_SEGMENTS names exactly the root routes of src/app', () => {
  const app = path.join(__dirname, '../../app');
  const routes = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      if (entry.isDirectory() && /^\(.*\)$/.test(entry.name)) return routes(path.join(dir, entry.name)); // a route group adds no segment
      if (entry.isDirectory()) return [entry.name];
      return /^(icon|favicon|apple-icon)\./.test(entry.name) ? [entry.name] : [];
    });
  expect([...routes(app), '_next'].sort()).toEqual([...ROOT_SEGMENTS].sort());
});

describe('routePathOf', () => {
  it('gives a JSON route’s route-tree path with or without the base path in the URL', () => {
    expect(routePathOf('http://h.example/api/account/team?x=1', '')).toBe('/api/account/team');
    expect(routePathOf('http://h.example/account/api/account/team', '/account')).toBe('/api/account/team');
    expect(routePathOf('http://h.example/api/account/team', '/account')).toBe('/api/account/team');
  });
});
