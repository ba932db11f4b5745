import { describe, expect, it } from 'vitest';
import {
  assignableRoles,
  can,
  canChangeRole,
  canInviteAs,
  canRemove,
  canTransferOwnershipTo,
  isPermission,
  isStaffPermission,
  permissions,
  roles,
  staffCan,
  staffPermissions,
  staffRoles,
  type Permission,
  type Role,
} from './permissions';

// ---------------------------------------------------------------------------------------------
// The oracle: the team rules of issue 3, restated independently of config/permissions.ts.
//  - Exactly one owner: nobody becomes owner by invitation or role change, the owner is never
//    demoted or removed, only a transfer moves ownership, and only the owner transfers it.
//  - Nobody grants a role above their own (owner > admin > billing > member > viewer).
//  - Nobody acts on a member above them; admins therefore cannot touch the owner.
//  - Managing the team (invite, resend, revoke, change role, remove) is for owners and admins.
//  - Everyone but the owner may leave.

const ALL_ROLES = ['owner', 'admin', 'billing', 'member', 'viewer'] as const satisfies readonly Role[];
const RANK: Record<Role, number> = { viewer: 1, member: 2, billing: 3, admin: 4, owner: 5 };
const TEAM_MANAGERS: readonly Role[] = ['owner', 'admin'];

const above = (a: Role, b: Role) => RANK[a] > RANK[b];
const manages = (actor: Role) => TEAM_MANAGERS.includes(actor);
const mayGrant = (actor: Role, role: Role) => role !== 'owner' && !above(role, actor);
const mayActOn = (actor: Role, target: Role) => target !== 'owner' && !above(target, actor);

const oracle = {
  'team.invite': (actor: Role, invitedAs: Role) => manages(actor) && mayGrant(actor, invitedAs),
  'team.resend_invitation': (actor: Role) => manages(actor),
  'team.revoke_invitation': (actor: Role) => manages(actor),
  'team.change_role': (actor: Role, target: Role, to: Role) => manages(actor) && mayActOn(actor, target) && mayGrant(actor, to),
  'team.remove_member': (actor: Role, target: Role) => manages(actor) && mayActOn(actor, target),
  'team.transfer_ownership': (actor: Role, target: Role) => actor === 'owner' && target !== 'owner',
  'team.leave': (actor: Role) => actor !== 'owner',
};

// What config/permissions.ts decides for the same question: the matrix plus its target rules.
// Resend and revoke have no target rule: the role on the invitation does not change the answer.
const config = {
  'team.invite': (actor: Role, invitedAs: Role) => canInviteAs(actor, invitedAs),
  'team.resend_invitation': (actor: Role) => can(actor, 'team.resend_invitation'),
  'team.revoke_invitation': (actor: Role) => can(actor, 'team.revoke_invitation'),
  'team.change_role': (actor: Role, target: Role, to: Role) => canChangeRole(actor, target, to),
  'team.remove_member': (actor: Role, target: Role) => canRemove(actor, target),
  'team.transfer_ownership': (actor: Role, target: Role) => canTransferOwnershipTo(actor, target),
  'team.leave': (actor: Role) => can(actor, 'team.leave'),
};

type Case = { action: keyof typeof oracle; actor: Role; target: Role; to: Role; expected: boolean; actual: boolean };

/** Every role × every team action × every target role × every new role. */
function everyCombination(): Case[] {
  const cases: Case[] = [];
  for (const action of Object.keys(oracle) as (keyof typeof oracle)[]) {
    for (const actor of roles) {
      for (const target of roles) {
        for (const to of roles) {
          const expected = oracle[action](actor, target, to);
          const actual = config[action](actor, target, to);
          cases.push({ action, actor, target, to, expected, actual });
        }
      }
    }
  }
  return cases;
}

describe('roles', () => {
  it('are exactly the five roles of the portal', () => {
    expect([...roles].sort()).toEqual([...ALL_ROLES].sort());
  });

  it('every permission lists only known roles, each once, and at least one', () => {
    for (const [key, allowed] of Object.entries(permissions) as [Permission, readonly Role[]][]) {
      expect(allowed.length, key).toBeGreaterThan(0);
      expect(new Set(allowed).size, key).toBe(allowed.length);
      for (const role of allowed) expect(ALL_ROLES, `${key} lists ${role}`).toContain(role);
    }
  });

  it('every team action has a row in the matrix', () => {
    for (const action of [...Object.keys(oracle), 'team.read', 'team.accept_invitation']) {
      expect(Object.keys(permissions), action).toContain(action);
    }
    // The invitation itself is the permission to accept it, whatever role one already has elsewhere.
    expect([...permissions['team.accept_invitation']].sort()).toEqual([...ALL_ROLES].sort());
  });
});

describe('team target rules (exhaustive, from config/permissions.ts)', () => {
  const cases = everyCombination();

  it('covers 7 actions × 5 actors × 5 targets × 5 new roles', () => {
    expect(cases).toHaveLength(7 * 5 * 5 * 5);
  });

  it('every decision equals the oracle', () => {
    const wrong = cases.filter((c) => c.expected !== c.actual).map((c) => `${c.action} actor=${c.actor} target=${c.target} to=${c.to}: expected ${c.expected}, got ${c.actual}`);
    expect(wrong).toEqual([]);
  });

  it('the matrix row of each team action agrees with the oracle for every role', () => {
    // The coarse gate executeAction applies before the target rules: a role allowed by a target rule
    // for some target must be allowed by the matrix, and a role refused by the matrix is refused everywhere.
    for (const action of Object.keys(oracle) as (keyof typeof oracle)[]) {
      for (const actor of roles) {
        const allowedSomewhere = roles.some((target) => roles.some((to) => oracle[action](actor, target, to)));
        expect(can(actor, action), `${action} for ${actor}`).toBe(allowedSomewhere);
      }
    }
  });

  it('assignableRoles lists exactly what an actor may grant', () => {
    for (const actor of roles) {
      expect([...assignableRoles(actor)].sort(), actor).toEqual(roles.filter((r) => mayGrant(actor, r)).sort());
    }
  });

  // A few readable spot checks, so a mistake shared by the oracle and the config still shows.
  it('spot checks', () => {
    expect(roles.filter((r) => canInviteAs('owner', r))).toEqual(['admin', 'billing', 'member', 'viewer']);
    expect(roles.filter((r) => canInviteAs('admin', r))).toEqual(['admin', 'billing', 'member', 'viewer']);
    for (const actor of ['billing', 'member', 'viewer'] as const) expect(roles.filter((r) => canInviteAs(actor, r))).toEqual([]);
    expect(roles.some((actor) => roles.some((target) => canChangeRole(actor, target, 'owner')))).toBe(false);
    expect(roles.some((actor) => canChangeRole(actor, 'owner', 'admin') || canRemove(actor, 'owner'))).toBe(false);
    expect(canRemove('admin', 'admin')).toBe(true);
    expect(canChangeRole('admin', 'billing', 'viewer')).toBe(true);
    expect(roles.filter((actor) => roles.some((target) => canTransferOwnershipTo(actor, target)))).toEqual(['owner']);
    expect(roles.filter((r) => can(r, 'team.leave'))).toEqual(['admin', 'billing', 'member', 'viewer']);
  });
});

describe('staff roles', () => {
  // Restated here: what the support team's lead may do beyond an agent.
  const LEAD_ONLY = ['staff.stripe_events.replay', 'staff.stripe.sync', 'staff.staff.manage', 'staff.staff.invite', 'staff.staff.update', 'staff.staff.remove', 'staff.notification_rules.update', 'staff.notification_rules.test', 'staff.help.write', 'staff.help.delete', 'staff.inbox_audits.read', 'staff.inbox_audits.import', 'staff.inbox_audits.correct', 'staff.scope.write', 'staff.scope.sign', 'staff.rollout.read', 'staff.rollout.update', 'staff.invoice_corrections.approve'];

  it('are agent and lead; a lead may do everything an agent may, and the lead-only things besides', () => {
    expect([...staffRoles]).toEqual(['agent', 'lead']);
    for (const permission of Object.keys(staffPermissions) as (keyof typeof staffPermissions)[]) {
      expect(staffCan('lead', permission), permission).toBe(true);
      expect(staffCan('agent', permission), permission).toBe(!LEAD_ONLY.includes(permission));
    }
  });

  it('never share a name with a customer permission, so neither side can run the other’s actions', () => {
    for (const name of Object.keys(staffPermissions)) {
      expect(name.startsWith('staff.'), name).toBe(true);
      expect(isPermission(name), name).toBe(false);
    }
    for (const name of Object.keys(permissions)) expect(isStaffPermission(name), name).toBe(false);
  });
});
