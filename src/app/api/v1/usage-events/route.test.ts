import { describe, expect, it } from 'vitest';
import { newKey, requestTo, useApiKeyTestDatabase, type RouteTarget } from '../../../../../tests/support/api-key-fixtures';
import { useApiServer } from '../../../../../tests/support/api-server';
import { seedOrg, userActor } from '../../../../../tests/support/test-db';
import { revokeKey } from '@/modules/api-keys/service';
import { INGEST_PATH } from '@/modules/usage/service';
import { POST } from './route';
import { executeAction } from '@/platform/actions/execute';

// The HTTP edge of ingest: auth, body limits and the envelope, on both transports. What ingest does is
// tested in src/modules/usage.

const t = useApiKeyTestDatabase();
const apiServer = useApiServer();
const SECRET = 'test-server-secret-not-for-production';

const transports: [string, () => RouteTarget][] = [
  ['Next.js route', () => (request: Request) => POST(request, undefined)],
  ['lean API server', apiServer],
];

const event = (organizationId: string, i: number, extra: Record<string, unknown> = {}) => ({ organizationId, meter: 'api_calls', value: 1, timestamp: new Date().toISOString(), idempotencyKey: `route-${i}`, ...extra });

describe.each(transports)('POST /api/v1/usage-events (%s)', (_transport, target) => {
  const post = (body: string, headers: Record<string, string> = { authorization: `Bearer ${SECRET}` }) =>
    requestTo(target(), INGEST_PATH, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

  it('needs the server secret (a cookie is not enough)', async () => {
    const response = await post(JSON.stringify({ events: [] }), { cookie: 'deflect.session_token=x' });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ success: false, error: { code: 'unauthorized' } });
  });

  it('stores the good events of a half-bad batch and reports the bad ones by index', async () => {
    const org = await seedOrg(t.db);
    const response = await post(JSON.stringify({ events: [event(org.organizationId, 1), event(org.organizationId, 2, { meter: 'nope' }), event(org.organizationId, 1)] }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      success: true,
      data: { accepted: 1, duplicates: 1, rejected: [{ index: 1, code: 'unknown_meter', message: 'No meter named "nope".' }] },
    });
  });

  it('answers 413 for a body over 1 MB and 422 for over 1000 events, a non-numeric value or malformed JSON', async () => {
    const org = await seedOrg(t.db);
    const huge = await post(JSON.stringify({ events: [event(org.organizationId, 1, { idempotencyKey: 'x'.repeat(1024 * 1024) })] }));
    expect(huge.status).toBe(413);
    expect(await huge.json()).toMatchObject({ error: { code: 'payload_too_large' } });

    const many = await post(JSON.stringify({ events: Array.from({ length: 1001 }, (_, i) => event(org.organizationId, i)) }));
    expect(many.status).toBe(422);
    expect(await many.json()).toMatchObject({ error: { code: 'validation_failed', fields: { events: 'Send at most 1000 events per request.' } } });

    const text = await post(JSON.stringify({ events: [event(org.organizationId, 1, { value: 'lots' })] }));
    expect(text.status).toBe(422);
    expect(await text.json()).toMatchObject({ error: { fields: { 'events.0.value': 'Must be a number.' } } });

    const malformed = await post('{"events": [');
    expect(malformed.status).toBe(422);
  });

  it('accepts an API key with usage:write, for its own organization only', async () => {
    const owner = await seedOrg(t.db);
    const other = await seedOrg(t.db);
    const { secret } = await newKey(owner, { scopes: ['usage:write'] });
    const response = await post(JSON.stringify({ events: [{ ...event(owner.organizationId, 1), organizationId: undefined }, event(other.organizationId, 2)] }), { authorization: `Bearer ${secret}` });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ success: true, data: { accepted: 1, duplicates: 0, rejected: [{ index: 1, code: 'unknown_organization' }] } });
  });

  it('refuses an API key without usage:write (403) and a revoked or unknown one (401)', async () => {
    const owner = await seedOrg(t.db);
    const reader = await newKey(owner, { scopes: ['read'] });
    const noScope = await post(JSON.stringify({ events: [event(owner.organizationId, 1)] }), { authorization: `Bearer ${reader.secret}` });
    expect(noScope.status).toBe(403);
    expect(await noScope.json()).toMatchObject({ error: { code: 'forbidden', message: 'This API key lacks the usage:write scope.' } });

    const writer = await newKey(owner, { scopes: ['usage:write'] });
    await executeAction(userActor(owner), revokeKey, { keyId: writer.key.id });
    const revoked = await post(JSON.stringify({ events: [event(owner.organizationId, 1)] }), { authorization: `Bearer ${writer.secret}` });
    expect(revoked.status).toBe(401);
    expect(await revoked.json()).toMatchObject({ error: { code: 'unauthorized', message: 'This API key is revoked.' } });

    const unknown = await post(JSON.stringify({ events: [] }), { authorization: 'Bearer dfl_live_not-a-key' });
    expect(unknown.status).toBe(401);
  });
});
