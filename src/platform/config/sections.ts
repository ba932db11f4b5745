import type { Permission } from '@config/permissions';
import { getConfig } from './index';

export type Section = {
  id: string;
  label: string;
  href: string;
  /**
   * False until the capability ships: the navigation shows it as "coming soon" and its page points to
   * SUPPORT_EMAIL; without a support address it is hidden, since that page would be a dead end.
   */
  ready: boolean;
  /** Hidden from roles that lack this permission. */
  permission?: Permission;
  /** The JSON routes of the section, switched off with it. */
  api?: string;
};

export const sections: readonly Section[] = [
  { id: 'account', label: 'Account', href: '/account', ready: true },
  { id: 'team', label: 'Team', href: '/account/team', ready: true, api: '/api/account/team' },
  { id: 'billing', label: 'Billing', href: '/account/billing', ready: true, permission: 'billing.read', api: '/api/account/billing' },
  { id: 'usage', label: 'Usage', href: '/account/usage', ready: true, api: '/api/account/usage' },
  { id: 'invoices', label: 'Invoices', href: '/account/invoices', ready: true, permission: 'invoices.read', api: '/api/account/invoices' },
  { id: 'api-keys', label: 'API keys', href: '/account/api-keys', ready: true, permission: 'api_keys.read', api: '/api/account/api-keys' },
  { id: 'support', label: 'Support', href: '/account/support', ready: false, api: '/api/account/support' },
  { id: 'activity', label: 'Activity', href: '/account/activity', ready: true, permission: 'audit.read', api: '/api/account/audit' },
];

/** `DISABLED_SECTIONS=usage,support` switches sections off: gone from the navigation, 404 when visited. */
export function isSectionEnabled(id: string): boolean {
  if (id === 'account') return true;
  const config = getConfig();
  const section = sections.find((s) => s.id === id);
  if (!section || (!section.ready && !config.SUPPORT_EMAIL)) return false;
  return !config.DISABLED_SECTIONS.split(',').map((s) => s.trim()).includes(id);
}

export function enabledSections(): Section[] {
  return sections.filter((s) => isSectionEnabled(s.id));
}

function under(path: string, prefix: string | undefined): boolean {
  return prefix !== undefined && (path === prefix || path.startsWith(`${prefix}/`));
}

/** The section a page or JSON route belongs to, if any (the Account section itself is never off). */
export function sectionOfPath(path: string): Section | undefined {
  return sections.find((s) => s.id !== 'account' && (under(path, s.href) || under(path, s.api)));
}

/** Whether a page or JSON route belongs to a switched-off section (it answers 404). */
export function isSwitchedOff(path: string): boolean {
  const section = sectionOfPath(path);
  return section !== undefined && !isSectionEnabled(section.id);
}
