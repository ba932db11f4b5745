import { readNodeJson } from '@/platform/http/body';
import type { LeanRoute } from '@/platform/http/lean-server';
import { assertServerSecret } from '@/platform/http/server-secret';
import { verifyKeyInput } from './inputs';
import { verifyApiKey } from './verify';

export const VERIFY_PATH = '/api/v1/keys/verify';

/** POST /api/v1/keys/verify on the lean server: the host product calls it on every one of its own API calls. */
export const verifyRoute: LeanRoute = {
  path: VERIFY_PATH,
  async answer(request, headers) {
    await assertServerSecret(headers);
    const { key, scope } = await readNodeJson(request, verifyKeyInput);
    return verifyApiKey(key, scope);
  },
};
