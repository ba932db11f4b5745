import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { gracePeriods, type GracePeriod } from '@config/api-keys';
import { keyRow, newKey, useApiKeyTestDatabase, withReadOnlyDatabase } from '../../../tests/support/api-key-fixtures';
import { rejectionOf } from '../../../tests/support/errors';
import { seedTeam } from '../../../tests/support/team-fixtures';
import { userActor } from '../../../tests/support/test-db';
import { organization } from '@/platform/tenancy/schema';
import { generateKey } from './key-format';
import { flushKeyUses, revokeKey, rotateKey, verifyApiKey } from './service';
import { executeAction } from '@/platform/actions/execute';

const t = useApiKeyTestDatabase();
const MINUTE = 60_000;

const at = (base: Date | string, offsetMs: number) => new Date(new Date(base).getTime() + offsetMs);

/** The same key with its last (checksum) character changed: well-formed in shape, wrong checksum. */
function withWrongChecksum(key: string): string {
  return key.slice(0, -1) + (key.endsWith('a') ? 'b' : 'a');
}

describe('verifyApiKey', () => {
  it('answers a good key with the contract’s fields: key id, organization id and external id, scopes, expiry', async () => {
    const team = await seedTeam(t.db);
    const [org] = await t.db.select().from(organization).where(eq(organization.id, team.organizationId));
    const expiresAt = `${new Date().getUTCFullYear() + 2}-06-30`;
    const { key, secret } = await newKey(team.owner, { scopes: ['read', 'usage:write'], expiresAt });
    expect(await verifyApiKey(secret)).toEqual({
      valid: true,
      keyId: key.id,
      organization: { id: team.organizationId, externalId: org!.externalId },
      scopes: ['read', 'usage:write'],
      expiresAt: `${expiresAt}T23:59:59.999Z`,
    });
    expect(await verifyApiKey(secret, 'usage:write')).toMatchObject({ valid: true, keyId: key.id });
  });

  it('answers insufficient_scope for a scope the key lacks', async () => {
    const team = await seedTeam(t.db);
    const { secret } = await newKey(team.owner, { scopes: ['read'] });
    expect(await verifyApiKey(secret, 'write')).toEqual({ valid: false, reason: 'insufficient_scope' });
    expect(await verifyApiKey(secret, 'admin')).toEqual({ valid: false, reason: 'insufficient_scope' });
    expect(await verifyApiKey(secret, '')).toEqual({ valid: false, reason: 'insufficient_scope' });
  });

  it('answers revoked for a revoked key, even one it had cached as valid', async () => {
    const team = await seedTeam(t.db);
    const { key, secret } = await newKey(team.owner);
    expect(await verifyApiKey(secret)).toMatchObject({ valid: true });
    await executeAction(userActor(team.owner), revokeKey, { keyId: key.id });
    expect(await verifyApiKey(secret)).toEqual({ valid: false, reason: 'revoked' });
    expect(await verifyApiKey(secret, 'read')).toEqual({ valid: false, reason: 'revoked' });
  });

  it('answers expired from the key’s own expiry on: valid 1 ms before, expired at it', async () => {
    const team = await seedTeam(t.db);
    const { key, secret } = await newKey(team.owner, { expiresAt: `${new Date().getUTCFullYear() + 1}-03-01` });
    const end = new Date(key.expiresAt!);
    expect(await verifyApiKey(secret, undefined, at(end, -1))).toMatchObject({ valid: true });
    expect(await verifyApiKey(secret, undefined, end)).toEqual({ valid: false, reason: 'expired' });
    expect(await verifyApiKey(secret, 'read', at(end, 1))).toEqual({ valid: false, reason: 'expired' });
  });

  it('answers not_found for a well-formed key that was never issued', async () => {
    expect(await verifyApiKey(generateKey('live'))).toEqual({ valid: false, reason: 'not_found' });
    expect(await verifyApiKey(generateKey('test'), 'read')).toEqual({ valid: false, reason: 'not_found' });
  });

  it('answers not_found for a real key with a wrong checksum', async () => {
    const team = await seedTeam(t.db);
    const { secret } = await newKey(team.owner);
    expect(await verifyApiKey(withWrongChecksum(secret))).toEqual({ valid: false, reason: 'not_found' });
    expect(await verifyApiKey(secret)).toMatchObject({ valid: true });
  });

  it('answers a malformed key with a clean not_found, never a throw', async () => {
    const team = await seedTeam(t.db);
    const { secret } = await newKey(team.owner);
    const malformed = ['', ' ', 'dfl_live_', 'Bearer ' + secret, secret + ' ', secret.toUpperCase(), secret.slice(0, -6), `${secret}'; drop table api_key; --`, '\u0000', 'dfl_live_💥'.repeat(10), 'x'.repeat(1_000_000)];
    for (const key of malformed) {
      await expect(verifyApiKey(key), JSON.stringify(key.slice(0, 40))).resolves.toEqual({ valid: false, reason: 'not_found' });
    }
    for (const notAString of [undefined, null, 5, {}, ['dfl_live_']]) {
      await expect(verifyApiKey(notAString as unknown as string), String(notAString)).resolves.toEqual({ valid: false, reason: 'not_found' });
    }
    expect(await verifyApiKey(secret)).toMatchObject({ valid: true });
  });
});

describe('no database write on the hot path', () => {
  it('verifies against a database that refuses every write', async () => {
    const team = await seedTeam(t.db);
    const { secret } = await newKey(team.owner, { scopes: ['read'] });
    const revoked = await newKey(team.owner);
    await executeAction(userActor(team.owner), revokeKey, { keyId: revoked.key.id });

    const results = await withReadOnlyDatabase(t, async (db) => {
      // The harness really refuses writes…
      const refused = await rejectionOf(db.execute(sql`update api_key set name = name where id = ${revoked.key.id}`));
      expect(String((refused as { cause?: Error }).cause?.message ?? refused)).toMatch(/read-only transaction/);
      // …and verify, first uncached (a read), then cached, never writes.
      return [await verifyApiKey(secret), await verifyApiKey(secret, 'read'), await verifyApiKey(secret, 'write'), await verifyApiKey(revoked.secret), await verifyApiKey(generateKey('live'))];
    });
    expect(results.map((r) => (r.valid ? 'valid' : r.reason))).toEqual(['valid', 'valid', 'insufficient_scope', 'revoked', 'not_found']);
  });
});

describe('last used', () => {
  it('is written by flushKeyUses(), at most once a minute per key', async () => {
    const team = await seedTeam(t.db);
    const { key, secret } = await newKey(team.owner);
    const t0 = new Date();

    expect(await verifyApiKey(secret, undefined, t0)).toMatchObject({ valid: true });
    expect(await verifyApiKey(secret, undefined, at(t0, 30_000))).toMatchObject({ valid: true });
    await flushKeyUses();
    // The second use, within the minute, was not queued: the first one's time is what was written.
    expect((await keyRow(t.db, key.id)).lastUsedAt).toEqual(t0);

    expect(await verifyApiKey(secret, undefined, at(t0, MINUTE - 1))).toMatchObject({ valid: true });
    await flushKeyUses();
    expect((await keyRow(t.db, key.id)).lastUsedAt).toEqual(t0);

    expect(await verifyApiKey(secret, undefined, at(t0, MINUTE))).toMatchObject({ valid: true });
    await flushKeyUses();
    expect((await keyRow(t.db, key.id)).lastUsedAt).toEqual(at(t0, MINUTE));
  });

  it('writes the uses of many keys in one flush, and never notes a refused verification', async () => {
    const team = await seedTeam(t.db);
    const keys = [await newKey(team.owner), await newKey(team.owner), await newKey(team.owner)];
    const refused = await newKey(team.owner, { scopes: ['read'] });
    const now = new Date();
    for (const { secret } of keys) await verifyApiKey(secret, undefined, now);
    expect(await verifyApiKey(refused.secret, 'write', now)).toEqual({ valid: false, reason: 'insufficient_scope' });
    await flushKeyUses();
    for (const { key } of keys) expect((await keyRow(t.db, key.id)).lastUsedAt).toEqual(now);
    expect((await keyRow(t.db, refused.key.id)).lastUsedAt).toBeNull();
  });
});

describe('rotation grace period (controlled clock)', () => {
  it.each(Object.keys(gracePeriods) as GracePeriod[])('grace %s: the old key works until previous.expiresAt − 1 ms, is expired at it; the new key works', async (gracePeriod) => {
    const team = await seedTeam(t.db);
    const old = await newKey(team.owner, { scopes: ['read', 'write'] });
    expect(await verifyApiKey(old.secret)).toMatchObject({ valid: true, expiresAt: null }); // cached as never expiring

    const before = Date.now();
    const rotated = await executeAction(userActor(team.owner), rotateKey, { keyId: old.key.id, gracePeriod });
    const after = Date.now();
    const end = new Date(rotated.previous.expiresAt);
    expect(rotated.previous.id).toBe(old.key.id);
    expect(end.getTime()).toBeGreaterThanOrEqual(before + gracePeriods[gracePeriod].ms);
    expect(end.getTime()).toBeLessThanOrEqual(after + gracePeriods[gracePeriod].ms);

    expect(await verifyApiKey(old.secret, 'write', at(end, -1))).toMatchObject({ valid: true, keyId: old.key.id, expiresAt: end.toISOString() });
    expect(await verifyApiKey(old.secret, 'write', end)).toEqual({ valid: false, reason: 'expired' });
    expect(await verifyApiKey(old.secret, undefined, at(end, 1))).toEqual({ valid: false, reason: 'expired' });

    for (const when of [new Date(), end, at(end, 365 * 86_400_000)]) {
      expect(await verifyApiKey(rotated.secret, 'write', when)).toMatchObject({ valid: true, keyId: rotated.key.id, scopes: ['read', 'write'], expiresAt: null });
    }
  });

  it('never extends a key: a grace period past the key’s own expiry ends at that expiry, which the new key inherits', async () => {
    const team = await seedTeam(t.db);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const old = await newKey(team.owner, { expiresAt: tomorrow });
    const rotated = await executeAction(userActor(team.owner), rotateKey, { keyId: old.key.id, gracePeriod: '7d' });
    expect(rotated.previous.expiresAt).toBe(old.key.expiresAt);
    expect(rotated.key.expiresAt).toBe(old.key.expiresAt);
    const end = new Date(old.key.expiresAt!);
    expect(await verifyApiKey(old.secret, undefined, at(end, -1))).toMatchObject({ valid: true });
    expect(await verifyApiKey(old.secret, undefined, end)).toEqual({ valid: false, reason: 'expired' });
    expect(await verifyApiKey(rotated.secret, undefined, end)).toEqual({ valid: false, reason: 'expired' });
  });
});
