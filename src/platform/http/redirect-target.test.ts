import { afterEach, describe, expect, it } from 'vitest';
import { hostileRedirects, legitimateRedirects } from '../../../tests/support/redirect-corpus';
import { resetConfigForTests } from '../config';
import { redirectPrefixes, resolveRedirectTarget, safeNextPath, safeStaffPath } from './redirect-target';

const portalUrl = process.env.PORTAL_URL;
afterEach(() => {
  process.env.PORTAL_URL = portalUrl;
  resetConfigForTests();
});

const hostile = hostileRedirects('http://localhost:3000');

describe('resolveRedirectTarget', () => {
  it('has a corpus of at least 30 bypass shapes', () => {
    expect(new Set(hostile).size).toBeGreaterThanOrEqual(30);
  });

  it.each(hostile.map((value) => [JSON.stringify(value), value]))('refuses %s as next and as a handoff path', (_label, value) => {
    expect(resolveRedirectTarget(value, redirectPrefixes().next)).toBeNull();
    expect(resolveRedirectTarget(value, redirectPrefixes().handoff)).toBeNull();
    expect(safeNextPath(value)).toBe('/account');
  });

  it.each(hostile.map((value) => [JSON.stringify(value), value]))('refuses %s as the staff console’s next and handoff path', (_label, value) => {
    expect(resolveRedirectTarget(value, redirectPrefixes().staff)).toBeNull();
    expect(safeStaffPath(value)).toBe('/admin');
  });

  it('keeps the two sides apart: staff land under /admin only, customers never there', () => {
    expect(safeStaffPath('/admin/staff?x=1#y')).toBe('/admin/staff?x=1#y');
    expect(safeStaffPath('/admin/../account')).toBe('/admin');
    expect(safeStaffPath('/administrator')).toBe('/admin');
    expect(safeNextPath('/admin/staff')).toBe('/account');
  });

  it.each(legitimateRedirects)('resolves %s to %s, keeping query and fragment', (value, resolved) => {
    expect(resolveRedirectTarget(value, redirectPrefixes().handoff)).toBe(resolved);
    expect(safeNextPath(value)).toBe(resolved);
  });

  it('lets next return to an invitation, which a handoff path may not name', () => {
    expect(safeNextPath('/invitations/accept?token=abc')).toBe('/invitations/accept?token=abc');
    expect(resolveRedirectTarget('/invitations/accept?token=abc', redirectPrefixes().handoff)).toBeNull();
  });

  it('falls back to /account for a missing, empty or oversized value', () => {
    for (const value of [undefined, null, '', `/account/${'a'.repeat(2000)}`]) expect(safeNextPath(value)).toBe('/account');
  });

  it('checks against the configured portal origin, which a target cannot borrow', () => {
    process.env.PORTAL_URL = 'https://portal.example.com';
    resetConfigForTests();
    expect(safeNextPath('/account/team')).toBe('/account/team');
    for (const value of hostileRedirects('https://portal.example.com')) expect(safeNextPath(value)).toBe('/account');
  });
});
