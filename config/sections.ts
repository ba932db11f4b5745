import type { Permission, StaffPermission } from './permissions';

// The sections of the portal, in the order of its navigation. Each is switched off by DISABLED_SECTIONS
// (hidden and 404) and hidden from the roles that lack its permission.

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
  { id: 'team', label: 'Team', href: '/account/team', ready: true, permission: 'team.read', api: '/api/account/team' },
  { id: 'billing', label: 'Billing', href: '/account/billing', ready: true, permission: 'billing.read', api: '/api/account/billing' },
  { id: 'usage', label: 'Usage', href: '/account/usage', ready: true, permission: 'usage.read', api: '/api/account/usage' },
  { id: 'invoices', label: 'Invoices', href: '/account/invoices', ready: true, permission: 'invoices.read', api: '/api/account/invoices' },
  { id: 'api-keys', label: 'API keys', href: '/account/api-keys', ready: true, permission: 'api_keys.read', api: '/api/account/api-keys' },
  { id: 'support', label: 'Support', href: '/account/support', ready: true, permission: 'support.read', api: '/api/account/support' },
  { id: 'activity', label: 'Activity', href: '/account/activity', ready: true, permission: 'audit.read', api: '/api/account/audit' },
];

/**
 * The section a route-tree page path (a query or hash allowed) belongs to: the section with the longest
 * `href` it is at or under; Account holds every other path. The help drawer (in the browser), the
 * deflection figures and the scope document all ask this.
 */
export function sectionIdOfPage(path: string): string {
  const clean = path.split(/[?#]/)[0]!.replace(/\/+$/, '') || '/account';
  let best = sections[0]!;
  for (const s of sections) if ((clean === s.href || clean.startsWith(`${s.href}/`)) && s.href.length > best.href.length) best = s;
  return best.id;
}

/** The staff console's navigation; each entry is shown to the staff roles holding its permission. */
export type ConsoleSection = { id: string; label: string; href: string; permission: StaffPermission };

export const consoleSections: readonly ConsoleSection[] = [
  { id: 'customers', label: 'Customers', href: '/admin', permission: 'staff.customers.read' },
  { id: 'tickets', label: 'Tickets', href: '/admin/tickets', permission: 'staff.tickets.read' },
  { id: 'audit', label: 'Audit', href: '/admin/audit', permission: 'staff.audit.read' },
  { id: 'feedback', label: 'Feedback', href: '/admin/feedback', permission: 'staff.feedback.read' },
  { id: 'staff', label: 'Staff', href: '/admin/staff', permission: 'staff.staff.manage' },
  { id: 'help', label: 'Help articles', href: '/admin/help', permission: 'staff.help.read' },
  { id: 'deflection', label: 'Deflection', href: '/admin/deflection', permission: 'staff.deflection.read' },
  { id: 'inbox-audits', label: 'Inbox audits', href: '/admin/inbox-audits', permission: 'staff.inbox_audits.read' },
  { id: 'scope', label: 'Scope', href: '/admin/scope', permission: 'staff.scope.read' },
  { id: 'rollout', label: 'Rollout', href: '/admin/rollout', permission: 'staff.rollout.read' },
  { id: 'notifications', label: 'Notifications', href: '/admin/settings/notifications', permission: 'staff.notification_rules.update' },
  { id: 'invoice-corrections', label: 'Invoice corrections', href: '/admin/invoice-corrections', permission: 'staff.invoice_corrections.read' },
];
