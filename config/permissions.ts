// Who may do what. One row per action of the portal (the action's name is its permission key),
// one column per role. The server enforces this matrix on every write and read it guards; the UI
// only hides what the matrix refuses. `npm run permissions:doc` prints it as the README's table.

export const roles = ['owner', 'admin', 'billing', 'member', 'viewer'] as const;
export type Role = (typeof roles)[number];

const everyone: readonly Role[] = roles;
const managers: readonly Role[] = ['owner', 'admin'];

export const permissions = {
  'account.update_profile': everyone,
  'account.change_email': everyone,
  'account.change_password': everyone,
  'account.enable_two_factor': everyone,
  'account.verify_two_factor': everyone,
  'account.disable_two_factor': everyone,
  'account.revoke_session': everyone,
  'account.revoke_other_sessions': everyone,
  'audit.read': managers,
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissions;

export function isPermission(name: string): name is Permission {
  return Object.hasOwn(permissions, name);
}

export function can(role: Role, permission: Permission): boolean {
  return (permissions[permission] as readonly Role[]).includes(role);
}
