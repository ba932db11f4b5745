import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newKey, postVerify, requestTo, useApiKeyTestDatabase, type RouteTarget } from '../../../tests/support/api-key-fixtures';
import { useApiServer } from '../../../tests/support/api-server';
import { seedTeam } from '../../../tests/support/team-fixtures';
import { userActor } from '../../../tests/support/test-db';
import { POST as nextRoute } from '@/app/api/v1/keys/verify/route';
import { resetConfigForTests } from '@/platform/config';
import { revokeKey, VERIFY_PATH } from './service';
import { executeAction } from '@/platform/actions/execute';

const t = useApiKeyTestDatabase();
const SERVER_SECRET = 'verify-server-test-secret-0123456789';
const savedSecret = process.env.PORTAL_SERVER_SECRET;
const apiServer = useApiServer();

beforeAll(() => {
  process.env.PORTAL_SERVER_SECRET = SERVER_SECRET;
  resetConfigForTests();
});

afterAll(() => {
  if (savedSecret === undefined) delete process.env.PORTAL_SERVER_SECRET;
  else process.env.PORTAL_SERVER_SECRET = savedSecret;
  resetConfigForTests();
});

function failure(code: string) {
  return { success: false, error: expect.objectContaining({ code, message: expect.any(String) }) };
}

// The same contract on both transports: the lean node:http server and the Next.js route handler.
const transports: [string, () => RouteTarget][] = [
  ['lean API server', apiServer],
  ['Next.js route', () => (request: Request) => nextRoute(request, undefined)],
];

describe.each(transports)('POST /api/v1/keys/verify (%s)', (_transport, target) => {
  const verify = (body: unknown, secret: string | null = SERVER_SECRET) => postVerify(target(), body, secret);

  it('answers 200 with the envelope for a good key, and the reason for a refused one', async () => {
    const team = await seedTeam(t.db);
    const { key, secret } = await newKey(team.owner, { scopes: ['read'] });
    expect(await verify({ key: secret })).toEqual({
      status: 200,
      body: { success: true, data: { valid: true, keyId: key.id, organization: { id: team.organizationId, externalId: expect.any(String) }, scopes: ['read'], expiresAt: null } },
    });
    expect(await verify({ key: secret, scope: 'read' })).toMatchObject({ status: 200, body: { success: true, data: { valid: true } } });
    expect(await verify({ key: secret, scope: 'write' })).toEqual({ status: 200, body: { success: true, data: { valid: false, reason: 'insufficient_scope' } } });

    await executeAction(userActor(team.owner), revokeKey, { keyId: key.id });
    expect(await verify({ key: secret })).toEqual({ status: 200, body: { success: true, data: { valid: false, reason: 'revoked' } } });
  });

  it('answers a malformed key with 200 not_found', async () => {
    for (const key of ['', 'not a key', 'dfl_live_123', 'x'.repeat(60_000)]) {
      expect(await verify({ key })).toEqual({ status: 200, body: { success: true, data: { valid: false, reason: 'not_found' } } });
    }
  });

  it.each([
    ['no Authorization header', null],
    ['a wrong Bearer secret', 'not-the-server-secret-at-all'],
    ['the secret with one character missing', SERVER_SECRET.slice(0, -1)],
    ['an empty Bearer secret', ''],
  ])('answers 401 for %s', async (_case, secret) => {
    const team = await seedTeam(t.db);
    const { secret: key } = await newKey(team.owner);
    expect(await verify({ key }, secret)).toEqual({ status: 401, body: failure('unauthorized') });
  });

  it('answers 401 for the secret sent as Basic rather than Bearer', async () => {
    const response = await requestTo(target(), VERIFY_PATH, { method: 'POST', headers: { authorization: `Basic ${SERVER_SECRET}` }, body: '{"key":"x"}' });
    expect(response.status).toBe(401);
  });

  it.each([
    ['a body that is not JSON', '{"key": "dfl_live_', '_'],
    ['a key that is not a string', { key: 5 }, 'key'],
    ['no key', { scope: 'read' }, 'key'],
    ['an empty body', '', 'key'],
  ])('answers 422 for %s, naming the field', async (_case, body, field) => {
    const { status, body: answer } = await verify(body);
    expect(status).toBe(422);
    expect(answer).toEqual({ success: false, error: expect.objectContaining({ code: 'validation_failed', fields: expect.objectContaining({ [field]: expect.any(String) }) }) });
  });

  it('answers 413 for a body over 64 KB, declared or streamed without a length', async () => {
    const big = JSON.stringify({ key: 'x', padding: 'p'.repeat(65 * 1024) });
    expect(await verify(big)).toEqual({ status: 413, body: failure('payload_too_large') });

    const chunks = [big.slice(0, 40_000), big.slice(40_000)];
    const streamed = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = chunks.shift();
        if (next === undefined) controller.close();
        else controller.enqueue(new TextEncoder().encode(next));
      },
    });
    const response = await requestTo(target(), VERIFY_PATH, { method: 'POST', headers: { authorization: `Bearer ${SERVER_SECRET}` }, body: streamed, duplex: 'half' } as RequestInit);
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual(failure('payload_too_large'));
  });

  it('accepts a body just under 64 KB', async () => {
    const body = JSON.stringify({ key: 'k'.repeat(64 * 1024 - 20) });
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(64 * 1024);
    expect(await verify(body)).toEqual({ status: 200, body: { success: true, data: { valid: false, reason: 'not_found' } } });
  });
});
