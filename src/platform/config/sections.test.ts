import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resetConfigForTests } from './index';
import type { Role } from '@config/permissions';
import { sections } from '@config/sections';
import type { Actor } from '../actions/actor';
import { enabledSections, isSectionEnabled, sectionOfPath, sectionsFor } from './sections';

function setEnv(name: 'DISABLED_SECTIONS' | 'SUPPORT_EMAIL', value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
  resetConfigForTests();
}
const disable = (value: string | undefined) => setEnv('DISABLED_SECTIONS', value);

beforeEach(() => setEnv('SUPPORT_EMAIL', 'support@vendor.example'));
afterEach(() => {
  disable(undefined);
  setEnv('SUPPORT_EMAIL', undefined);
});

describe('sections still to come', () => {
  it('none is left (Support shipped last): every section shows whether or not SUPPORT_EMAIL is set', () => {
    expect(sections.filter((s) => !s.ready).map((s) => s.id)).toEqual([]);
    expect(enabledSections().map((s) => s.id)).toEqual(sections.map((s) => s.id));
    setEnv('SUPPORT_EMAIL', undefined);
    expect(enabledSections().map((s) => s.id)).toEqual(sections.map((s) => s.id));
  });
});

describe('DISABLED_SECTIONS', () => {
  it('leaves every known section enabled when unset', () => {
    disable(undefined);
    expect(enabledSections().map((s) => s.id)).toEqual(sections.map((s) => s.id));
  });

  it('hides each listed section, tolerating spaces', () => {
    disable('usage, support');
    expect(isSectionEnabled('usage')).toBe(false);
    expect(isSectionEnabled('support')).toBe(false);
    expect(isSectionEnabled('billing')).toBe(true);
    expect(enabledSections().map((s) => s.id)).toEqual(sections.map((s) => s.id).filter((id) => id !== 'usage' && id !== 'support'));
  });

  it('never hides the Account section itself', () => {
    disable('account,team');
    expect(isSectionEnabled('account')).toBe(true);
    expect(isSectionEnabled('team')).toBe(false);
  });

  it('knows nothing of a section that does not exist', () => {
    disable(undefined);
    expect(isSectionEnabled('crm')).toBe(false);
  });

  it('maps pages and JSON routes to the section that switches them off', () => {
    expect(sectionOfPath('/account/usage')?.id).toBe('usage');
    expect(sectionOfPath('/account/usage/api_calls')?.id).toBe('usage');
    expect(sectionOfPath('/api/account/audit')?.id).toBe('activity');
    expect(sectionOfPath('/account/usagex')).toBeUndefined();
    expect(sectionOfPath('/account')).toBeUndefined();
  });
});

describe('the navigation of an actor', () => {
  afterEach(() => disable(undefined));
  const member = (role: Role): Actor => ({ type: 'user', userId: 'u-1', email: 'a@example.test', organizationId: 'org-1', role });

  it('shows each role the switched-on sections its permissions open', () => {
    disable('usage');
    expect(sectionsFor(member('owner')).map((s) => s.id)).toEqual(['account', 'team', 'billing', 'invoices', 'api-keys', 'support', 'activity']);
    expect(sectionsFor(member('viewer')).map((s) => s.id)).toEqual(['account', 'team', 'support']);
    expect(sectionsFor(member('billing')).map((s) => s.id)).toEqual(['account', 'team', 'billing', 'invoices', 'support']);
  });

  it('shows a staff actor only what needs no permission, until the console’s own permissions plug in', () => {
    disable(undefined);
    const staff: Actor = { type: 'staff', staffId: 's-1', email: 's@vendor.example', name: 'S', role: 'lead', organizationId: 'org-1' };
    expect(sectionsFor(staff).map((s) => s.id)).toEqual(['account']);
  });
});
