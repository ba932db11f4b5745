import { apiKeyLimits, apiKeyScopes } from '@config/api-keys';
import { apiKeyScopeGrants, can, type Role } from '@config/permissions';
import type { Actor } from '@/platform/actions/actor';
import { executeAction } from '@/platform/actions/execute';
import type { Db } from '@/platform/db/types';
import { forbidden, unauthorized } from '@/platform/http/errors';
import { requestMeta } from '@/platform/http/request-meta';
import { consumeRateLimit } from '@/platform/rate-limit/limiter';
import { createKey, revokeKey, rotateKey } from './actions';
import { announceKeyChange } from './key-cache';
import { organizationKeys } from './organization-keys';
import type { KeyView } from './view';

export { createKeyInput, rotateKeyInput, verifyKeyInput } from './inputs';
import { verifyApiKey } from './verify';

export { verifyApiKey, type VerifyResult } from './verify';
export { flushKeyUses } from './last-used';
export { organizationKeys } from './organization-keys';
export type { KeyStatus, KeyView } from './view';

type Options = { headers?: Headers };
export type ScopeOption = { scope: string; description: string };

/** The organization's keys, newest first, for anyone whose role may read them. */
export async function listKeys(db: Db, organizationId: string, role: Role): Promise<KeyView[]> {
  if (!can(role, 'api_keys.read')) throw forbidden('Your role cannot see API keys. Ask an admin.');
  return organizationKeys(db, organizationId);
}

export function availableScopes(): ScopeOption[] {
  return Object.entries(apiKeyScopes).map(([scope, description]) => ({ scope, description }));
}

/** The scopes this role may put on a new key. */
export function grantableScopes(role: Role): ScopeOption[] {
  return availableScopes().filter((s) => (apiKeyScopeGrants[role] as readonly string[]).includes(s.scope));
}

export const maxActiveKeys = apiKeyLimits.maxActivePerOrganization;

async function limitCreation(actor: Actor | null): Promise<void> {
  if (actor?.organizationId) await consumeRateLimit('api_key_create', actor.organizationId);
}

/** Creates a key; the returned secret is the only copy there will ever be. */
export async function createApiKey(actor: Actor | null, raw: unknown, options: Options = {}) {
  await limitCreation(actor);
  return executeAction(actor, createKey, raw, options);
}

export async function rotateApiKey(actor: Actor | null, raw: unknown, options: Options = {}) {
  await limitCreation(actor);
  const { changedHashes, ...rotated } = await executeAction(actor, rotateKey, raw, options);
  await announceKeyChange(changedHashes);
  return rotated;
}

export async function revokeApiKey(actor: Actor | null, raw: unknown, options: Options = {}) {
  const { changedHashes, key } = await executeAction(actor, revokeKey, raw, options);
  await announceKeyChange(changedHashes);
  return { key };
}
export { VERIFY_PATH, verifyRoute } from './verify-route';

/**
 * The actor of a request whose headers authenticate with an API key (`Authorization: Bearer dfl_live_…`)
 * holding `scope`; null when they carry no API key (they may carry the server secret).
 */
export async function apiKeyActor(headers: Headers, scope: string): Promise<Actor | null> {
  const match = /^Bearer (dfl_(?:live|test)_\S*)$/.exec(headers.get('authorization') ?? '');
  if (!match) return null;
  const verified = await verifyApiKey(match[1]!, scope);
  if (!verified.valid) {
    throw verified.reason === 'insufficient_scope' ? forbidden(`This API key lacks the ${scope} scope.`) : unauthorized(`This API key is ${verified.reason === 'not_found' ? 'not valid' : verified.reason}.`);
  }
  return { type: 'api_key', keyId: verified.keyId, organizationId: verified.organization.id, scopes: verified.scopes, ...requestMeta(headers) };
}
