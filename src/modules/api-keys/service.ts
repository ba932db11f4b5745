import type { Actor } from '@/platform/actions/actor';
import { forbidden, unauthorized } from '@/platform/http/errors';
import { requestMeta } from '@/platform/http/request-meta';
import { verifyApiKey } from './verify';

export { createKey, revokeKey, rotateKey } from './actions';
export { verifyKeyInput } from './inputs';
export { verifyApiKey, type VerifyResult } from './verify';
export { flushKeyUses } from './last-used';
export { organizationKeys } from './organization-keys';
export type { KeyStatus, KeyView } from './view';
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
