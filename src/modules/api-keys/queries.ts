import { z } from 'zod';
import { apiKeyLimits, apiKeyScopes, gracePeriods } from '@config/api-keys';
import { apiKeyScopeGrants, canManageKey } from '@config/permissions';
import type { Actor } from '@/platform/actions/actor';
import { permits } from '@/platform/actions/authorize';
import { defineQuery } from '@/platform/actions/define-query';
import { organizationKeys } from './organization-keys';
import type { KeyView } from './view';

export type ScopeOption = { scope: string; description: string };

const noInput = z.object({}).optional();

function availableScopes(): ScopeOption[] {
  return Object.entries(apiKeyScopes).map(([scope, description]) => ({ scope, description }));
}

/** The keys and every scope a key can have (`GET /api/account/api-keys`). */
export const apiKeysQuery = defineQuery({
  name: 'api_keys.read',
  input: noInput,
  run: async ({ db, organizationId }) => ({ keys: await organizationKeys(db, organizationId), availableScopes: availableScopes() }),
});

export type KeyRow = KeyView & { canRotate: boolean; canRevoke: boolean };

export type ApiKeysScreen = {
  keys: KeyRow[];
  /** The scopes the reader may put on a new key; empty when they may create none. */
  grantableScopes: ScopeOption[];
  canCreate: boolean;
  /** Set when the organization has as many working keys as allowed. */
  atLimit: string | undefined;
  gracePeriods: { value: string; label: string }[];
};

/** Whether the reader may rotate or revoke a key: their own, or any with `api_keys.manage_all`. */
function manages(actor: Actor, key: KeyView, permission: 'api_keys.rotate' | 'api_keys.revoke'): boolean {
  return actor.type === 'user' && canManageKey(actor.role, permission, key.createdByUserId === actor.userId);
}

/** The API keys screen: the keys, and what the reader may do with each and with a new one. */
export const apiKeysScreenQuery = defineQuery({
  name: 'api_keys.read',
  input: noInput,
  async run({ actor, db, organizationId }): Promise<ApiKeysScreen> {
    const keys = await organizationKeys(db, organizationId);
    const grants: readonly string[] = actor.type === 'user' ? apiKeyScopeGrants[actor.role] : [];
    const grantableScopes = availableScopes().filter((s) => grants.includes(s.scope));
    const working = keys.filter((k) => k.status === 'active' || k.status === 'expiring').length;
    const max = apiKeyLimits.maxActivePerOrganization;
    return {
      keys: keys.map((k) => ({ ...k, canRotate: !k.replacedById && manages(actor, k, 'api_keys.rotate'), canRevoke: manages(actor, k, 'api_keys.revoke') })),
      grantableScopes,
      canCreate: permits(actor, 'api_keys.create') && grantableScopes.length > 0,
      atLimit: working >= max ? `Your organization has ${max} working keys, the most allowed. Revoke one first.` : undefined,
      gracePeriods: Object.entries(gracePeriods).map(([value, g]) => ({ value, label: g.label })),
    };
  },
});
