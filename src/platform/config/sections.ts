import type { Permission } from '@config/permissions';
import { getConfig } from './index';

export type Section = {
  id: string;
  label: string;
  href: string;
  /** False until the capability ships: the navigation shows it as "coming soon". */
  ready: boolean;
  /** Hidden from roles that lack this permission. */
  permission?: Permission;
};

export const sections: readonly Section[] = [
  { id: 'account', label: 'Account', href: '/account', ready: true },
  { id: 'team', label: 'Team', href: '/account/team', ready: false },
  { id: 'billing', label: 'Billing', href: '/account/billing', ready: false },
  { id: 'usage', label: 'Usage', href: '/account/usage', ready: false },
  { id: 'invoices', label: 'Invoices', href: '/account/invoices', ready: false },
  { id: 'api-keys', label: 'API keys', href: '/account/api-keys', ready: false },
  { id: 'support', label: 'Support', href: '/account/support', ready: false },
  { id: 'activity', label: 'Activity', href: '/account/activity', ready: true, permission: 'audit.read' },
];

/** `DISABLED_SECTIONS=usage,support` switches sections off: gone from the navigation, 404 when visited. */
export function isSectionEnabled(id: string): boolean {
  if (id === 'account') return true;
  const disabled = getConfig().DISABLED_SECTIONS.split(',').map((s) => s.trim());
  return sections.some((s) => s.id === id) && !disabled.includes(id);
}

export function enabledSections(): Section[] {
  return sections.filter((s) => isSectionEnabled(s.id));
}
