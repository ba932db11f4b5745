import type { ApiKeyScope } from './api-keys';

// Who may do what. One row per action of the portal (the action's name is its permission key),
// one column per role, plus the target rules of the team actions below. The server enforces this
// file on every write and on the reads it guards; the UI only hides what it refuses.
// `npm run permissions:doc` prints it as the README's table.

export const roles = ['owner', 'admin', 'billing', 'member', 'viewer'] as const;
export type Role = (typeof roles)[number];

/** The SaaS's own support team, in the staff console. Never members of a customer organization. */
export const staffRoles = ['agent', 'lead'] as const;
export type StaffRole = (typeof staffRoles)[number];

const everyone: readonly Role[] = roles;
const managers: readonly Role[] = ['owner', 'admin'];
const billingManagers: readonly Role[] = ['owner', 'admin', 'billing'];

export const permissions = {
  /** One's own profile and sign-in sessions. */
  'account.read': everyone,
  'account.update_profile': everyone,
  'account.change_email': everyone,
  'account.change_password': everyone,
  'account.enable_two_factor': everyone,
  'account.verify_two_factor': everyone,
  'account.disable_two_factor': everyone,
  'account.revoke_session': everyone,
  'account.revoke_other_sessions': everyone,

  'team.read': everyone,
  'team.invite': managers,
  'team.resend_invitation': managers,
  'team.revoke_invitation': managers,
  'team.change_role': managers,
  'team.remove_member': managers,
  'team.transfer_ownership': ['owner'],
  'team.leave': ['admin', 'billing', 'member', 'viewer'],
  /** Also open to a signed-in person who is not a member yet: the invitation is the permission. */
  'team.accept_invitation': everyone,

  'billing.read': billingManagers,
  'billing.update_details': billingManagers,
  'billing.add_tax_id': billingManagers,
  'billing.remove_tax_id': billingManagers,
  'billing.open_portal': billingManagers,
  'invoices.read': billingManagers,
  'invoices.report_payment': billingManagers,
  /** A corrected copy of an issued invoice, with the bill-to details on file now: who may change those. */
  'invoices.correct': billingManagers,

  'usage.read': everyone,

  /** One's own notifications (the bell) and one's own choice of channels per event. */
  'notifications.read': everyone,
  'notifications.mark_read': everyone,
  'notifications.update_preferences': everyone,

  'api_keys.read': ['owner', 'admin', 'member'],
  'api_keys.create': ['owner', 'admin', 'member'],
  /** Rotating and revoking: one's own keys; with `api_keys.manage_all`, every key of the organization. */
  'api_keys.rotate': ['owner', 'admin', 'member'],
  'api_keys.revoke': ['owner', 'admin', 'member'],
  'api_keys.manage_all': managers,

  /** The help drawer's articles, and "Was this helpful?". */
  'help.read': everyone,
  'help.vote': everyone,

  'support.read': everyone,
  'support.create_ticket': ['owner', 'admin', 'billing', 'member'],
  /** The contact form's outcome: left for a suggestion, and whether it solved it (one's own attempts). */
  'support.record_attempt': everyone,
  /** The feedback button on every portal page: a bug, an idea or a question. */
  'feedback.submit': everyone,
  /** On one's own tickets; owners and admins on every ticket of the organization. */
  'support.reply': ['owner', 'admin', 'billing', 'member'],
  'support.solve_ticket': ['owner', 'admin', 'billing', 'member'],
  'support.rate_ticket': ['owner', 'admin', 'billing', 'member'],
  /** "I still need a person" on an automatic answer. */
  'support.dismiss_auto_answer': ['owner', 'admin', 'billing', 'member'],

  'audit.read': managers,
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissions;

export function isPermission(name: string): name is Permission {
  return Object.hasOwn(permissions, name);
}

export function can(role: Role, permission: Permission): boolean {
  return (permissions[permission] as readonly Role[]).includes(role);
}

// ---- The staff console: what each staff role may do ----
// A staff action's name is its permission key, as for the customer actions above.

const allStaff: readonly StaffRole[] = staffRoles;
const leads: readonly StaffRole[] = ['lead'];

export const staffPermissions = {
  /** Search, the customer page and its timeline. */
  'staff.customers.read': allStaff,
  /** The audit view across every customer. */
  'staff.audit.read': allStaff,
  /** The feedback customers sent from the portal. */
  'staff.feedback.read': allStaff,
  'staff.invoices.mark_paid': allStaff,
  'staff.invitations.resend': allStaff,
  'staff.invitations.revoke': allStaff,
  'staff.stripe_events.replay': leads,
  'staff.stripe.sync': leads,
  /** The staff list and page. */
  'staff.staff.manage': leads,
  'staff.staff.invite': leads,
  /** A role change, or disabling and enabling sign-in. */
  'staff.staff.update': leads,
  'staff.staff.remove': leads,
  /** Where the support team hears of events (Slack URLs shown masked, support addresses). */
  'staff.notification_rules.read': allStaff,
  /** Changing them, on the console's notification settings. */
  'staff.notification_rules.update': leads,
  /** A test message to the saved Slack URLs and support addresses. */
  'staff.notification_rules.test': leads,
  /** The help articles, drafts included. */
  'staff.help.read': allStaff,
  /** Writing, publishing and unpublishing help articles. */
  'staff.help.write': leads,
  'staff.help.delete': leads,
  /** The ticket queue and a ticket's thread, internal notes included. */
  'staff.tickets.read': allStaff,
  /** A reply to the customer or an internal note. */
  'staff.tickets.reply': allStaff,
  /** Status, category and assignee. */
  'staff.tickets.update': allStaff,
  /** The inbox audits: their runs, top reasons and tagged tickets. */
  'staff.inbox_audits.read': leads,
  /** Uploading a help desk export. */
  'staff.inbox_audits.import': leads,
  /** A staff correction of an imported ticket's category, kept across re-imports. */
  'staff.inbox_audits.correct': leads,
  /** The signed scope document, read-only. */
  'staff.scope.read': allStaff,
  /** Drafting a new version of the scope document from an audit. */
  'staff.scope.write': leads,
  /** Signing off a version: from then on it is read-only. */
  'staff.scope.sign': leads,
  /** Who sees each portal section. */
  'staff.rollout.read': leads,
  /** Switching a section off, on, to a percentage or to an allowlist. */
  'staff.rollout.update': leads,
  /** The deflection dashboard and its CSV. */
  'staff.deflection.read': allStaff,
  /** The customers' requests to correct an issued invoice's bill-to details. */
  'staff.invoice_corrections.read': allStaff,
  /** Approving one for a Stripe invoice: a credit note and a new invoice at Stripe. */
  'staff.invoice_corrections.approve': leads,
} as const satisfies Record<`staff.${string}`, readonly StaffRole[]>;

export type StaffPermission = keyof typeof staffPermissions;

export function isStaffPermission(name: string): name is StaffPermission {
  return Object.hasOwn(staffPermissions, name);
}

export function staffCan(role: StaffRole, permission: StaffPermission): boolean {
  return (staffPermissions[permission] as readonly StaffRole[]).includes(role);
}

// ---- Target rules of the team actions ----
// Exactly one owner: ownership only moves by transfer. Nobody grants a role above their own, and
// nobody acts on a member whose role is above their own; admins therefore never touch the owner.

const rank: Record<Role, number> = { owner: 4, admin: 3, billing: 2, member: 1, viewer: 0 };

/** Roles `actor` may give, by invitation or role change. */
export function assignableRoles(actor: Role): Role[] {
  return roles.filter((r) => r !== 'owner' && rank[r] <= rank[actor]);
}

export function canInviteAs(actor: Role, role: Role): boolean {
  return can(actor, 'team.invite') && assignableRoles(actor).includes(role);
}

export function canChangeRole(actor: Role, target: Role, to: Role): boolean {
  return can(actor, 'team.change_role') && target !== 'owner' && rank[target] <= rank[actor] && assignableRoles(actor).includes(to);
}

export function canRemove(actor: Role, target: Role): boolean {
  return can(actor, 'team.remove_member') && target !== 'owner' && rank[target] <= rank[actor];
}

export function canTransferOwnershipTo(actor: Role, target: Role): boolean {
  return can(actor, 'team.transfer_ownership') && target !== 'owner';
}

// ---- Which API key scopes each role may put on a key it creates ----

export const apiKeyScopeGrants: Record<Role, readonly ApiKeyScope[]> = {
  owner: ['read', 'write', 'usage:write', 'admin'],
  admin: ['read', 'write', 'usage:write', 'admin'],
  billing: [],
  member: ['read', 'write', 'usage:write'],
  viewer: [],
};

export function canGrantScopes(actor: Role, scopes: readonly string[]): boolean {
  return can(actor, 'api_keys.create') && scopes.every((s) => (apiKeyScopeGrants[actor] as readonly string[]).includes(s));
}

/** A key is managed by whoever made it, and by the roles that manage every key. */
export function canManageKey(actor: Role, permission: 'api_keys.rotate' | 'api_keys.revoke', isCreator: boolean): boolean {
  return can(actor, permission) && (isCreator || can(actor, 'api_keys.manage_all'));
}
