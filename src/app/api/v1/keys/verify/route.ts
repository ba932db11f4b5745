import { verifyApiKey, verifyKeyInput } from '@/modules/api-keys/service';
import { readJson } from '@/platform/http/body';
import { ok } from '@/platform/http/envelope';
import { route } from '@/platform/http/route';
import { assertServerSecret } from '@/platform/http/server-secret';

// The same check also answers on the lean server (API_PORT), for hosts that call it on every
// request: see src/modules/api-keys/verify-route.ts.
export const POST = route(async (request) => {
  await assertServerSecret(request.headers);
  const { key, scope } = await readJson(request, verifyKeyInput);
  return ok(await verifyApiKey(key, scope));
});
