import { eq, sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { apiKeyLimits, apiKeyScopeNames } from '@config/api-keys';
import { apiKeyScopeGrants, roles, type Role } from '@config/permissions';
import { databaseDump, expectAppError, keyBody, keyRow, newKey, recordConsole, seedKeys, useApiKeyTestDatabase } from '../../../tests/support/api-key-fixtures';
import { auditOf, eventsOf, seedTeam } from '../../../tests/support/team-fixtures';
import { type SeededOrg, useRacers, userActor } from '../../../tests/support/test-db';
import { removeMember } from '@/modules/team/service';
import { auditLog, outbox } from '@/platform/actions/schema';
import { executeAction } from '@/platform/actions/execute';
import { executeQuery } from '@/platform/actions/execute-query';
import { user } from '@/platform/auth/schema';
import { membership } from '@/platform/tenancy/schema';
import { resetConfigForTests } from '@/platform/config';
import { hashToken } from '@/platform/crypto/tokens';
import { createKey, revokeKey, rotateKey } from './actions';
import { displayPrefix } from './key-format';
import { apiKeysQuery } from './queries';
import { apiKey } from './schema';
import { flushKeyUses, verifyApiKey } from './service';

const t = useApiKeyTestDatabase();

/** Everything a key write leaves behind in an organization: to assert that a refused write left nothing. */
async function keySnapshot(organizationId: string) {
  const [keys, audit, events] = await Promise.all([
    t.db.select().from(apiKey).where(eq(apiKey.organizationId, organizationId)).orderBy(apiKey.id),
    t.db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(eq(auditLog.organizationId, organizationId)),
    t.db.select({ n: sql<number>`count(*)::int` }).from(outbox).where(eq(outbox.organizationId, organizationId)),
  ]);
  return { keys, audit: audit[0]!.n, events: events[0]!.n };
}

/** The keys as the API keys list answers them to this member. */
async function keysSeenBy(member: SeededOrg) {
  return (await executeQuery(userActor(member), apiKeysQuery, {})).keys;
}

async function teamWith(role: Role) {
  const team = await seedTeam(t.db, role === 'owner' ? [] : [role]);
  return { team, actor: role === 'owner' ? team.owner : team.members[0]! };
}

// ---------------------------------------------------------------------------------------------

describe('create', () => {
  it('answers the secret once, stores its hash, records the creator, and audits and emits without the secret', async () => {
    const team = await seedTeam(t.db, ['member']);
    const member = team.members[0]!;
    const { key, secret } = await newKey(member, { name: '  Deploy bot  ', scopes: ['read', 'usage:write', 'read'] });

    expect(key).toMatchObject({ name: 'Deploy bot', prefix: displayPrefix(secret), scopes: ['read', 'usage:write'], createdBy: member.name, status: 'active', lastUsedAt: null, expiresAt: null, revokedAt: null });
    const row = await keyRow(t.db, key.id);
    expect(row).toMatchObject({ organizationId: team.organizationId, secretHash: hashToken(secret), createdByUserId: member.userId, createdByName: member.name });
    expect(Object.values(row).map(String)).not.toContain(secret);

    const audit = await auditOf(t.db, team.organizationId);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'api_keys.create', actorId: member.userId, entityType: 'api_key', entityId: key.id, after: { name: 'Deploy bot', prefix: key.prefix } });
    const events = await eventsOf(t.db, team.organizationId);
    expect(events.map((e) => [e.type, e.payload])).toEqual([['api_key.created', { keyId: key.id, prefix: key.prefix, name: 'Deploy bot', scopes: ['read', 'usage:write'] }]]);
  });

  describe('prefix from API_KEY_ENVIRONMENT', () => {
    const saved = process.env.API_KEY_ENVIRONMENT;
    afterEach(() => {
      if (saved === undefined) delete process.env.API_KEY_ENVIRONMENT;
      else process.env.API_KEY_ENVIRONMENT = saved;
      resetConfigForTests();
    });

    it.each([
      [undefined, 'dfl_live_'],
      ['live', 'dfl_live_'],
      ['test', 'dfl_test_'],
    ])('API_KEY_ENVIRONMENT=%s gives %s keys that verify', async (environment, prefix) => {
      if (environment === undefined) delete process.env.API_KEY_ENVIRONMENT;
      else process.env.API_KEY_ENVIRONMENT = environment;
      resetConfigForTests();
      const team = await seedTeam(t.db);
      const { key, secret } = await newKey(team.owner);
      expect(secret.startsWith(prefix)).toBe(true);
      expect(key.prefix.startsWith(prefix)).toBe(true);
      expect(await verifyApiKey(secret)).toMatchObject({ valid: true, keyId: key.id });
    });
  });

  describe('scopes a role may grant', () => {
    it.each(['owner', 'admin'] as const)('%s may create a key with every scope', async (role) => {
      const { actor } = await teamWith(role);
      const { key } = await newKey(actor, { scopes: [...apiKeyScopeNames] });
      expect(key.scopes).toEqual([...apiKeyScopeNames]);
    });

    it('member may grant read, write and usage:write, but not admin (403 naming the scopes field)', async () => {
      const { team, actor } = await teamWith('member');
      const { key } = await newKey(actor, { scopes: ['read', 'write', 'usage:write'] });
      expect(key.scopes).toEqual(['read', 'write', 'usage:write']);

      const before = await keySnapshot(team.organizationId);
      const error = await expectAppError(newKey(actor, { scopes: ['read', 'admin'] }), 'forbidden');
      expect(error.status).toBe(403);
      expect(error.fields?.scopes).toContain('read, write, usage:write');
      expect(await keySnapshot(team.organizationId)).toEqual(before);
    });

    it.each(['viewer', 'billing'] as const)('%s cannot create a key at all (403) and nothing is written', async (role) => {
      const { team, actor } = await teamWith(role);
      const before = await keySnapshot(team.organizationId);
      const error = await expectAppError(newKey(actor, { scopes: ['read'] }), 'forbidden');
      expect(error.status).toBe(403);
      expect(await keySnapshot(team.organizationId)).toEqual(before);
    });

    it('follows config/permissions.ts for every role and scope', async () => {
      for (const role of roles) {
        for (const scope of apiKeyScopeNames) {
          const { actor } = await teamWith(role);
          const allowed = (apiKeyScopeGrants[role] as readonly string[]).includes(scope);
          const outcome = await newKey(actor, { scopes: [scope] }).then(
            () => 'created',
            (error: { code?: string }) => error.code,
          );
          expect(outcome, `${role} → ${scope}`).toBe(allowed ? 'created' : 'forbidden');
        }
      }
    });
  });

  describe('limits', () => {
    it('refuses more active keys than config/api-keys.ts allows with 409; a revoked key frees its place', async () => {
      const team = await seedTeam(t.db);
      const actor = userActor(team.owner);
      const created = await seedKeys(t.db, team.owner, apiKeyLimits.maxActivePerOrganization);

      const before = await keySnapshot(team.organizationId);
      const error = await expectAppError(executeAction(actor, createKey, { name: 'One too many', scopes: ['read'] }), 'conflict');
      expect(error.status).toBe(409);
      expect(await keySnapshot(team.organizationId)).toEqual(before);

      await executeAction(actor, revokeKey, { keyId: created[0]!.id });
      await expect(executeAction(actor, createKey, { name: 'In its place', scopes: ['read'] })).resolves.toMatchObject({ key: { name: 'In its place' } });
    });

    it('counts only the keys that still work: an expired key frees its place too', async () => {
      const team = await seedTeam(t.db);
      const actor = userActor(team.owner);
      const created = await seedKeys(t.db, team.owner, apiKeyLimits.maxActivePerOrganization);
      await t.db.update(apiKey).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(apiKey.id, created[0]!.id));
      await expect(executeAction(actor, createKey, { name: 'In its place', scopes: ['read'] })).resolves.toMatchObject({ key: { name: 'In its place' } });
    });

    it('rate-limits creation per organization: the 11th in a minute answers rate_limited', async () => {
      const team = await seedTeam(t.db);
      const other = await seedTeam(t.db);
      for (let i = 0; i < 10; i++) await newKey(team.owner, { name: `Key ${i}` });
      const error = await expectAppError(newKey(team.owner, { name: 'Eleventh' }), 'rate_limited');
      expect(error.status).toBe(429);
      expect(error.retryAfterSeconds).toBeGreaterThan(0);
      expect(error.retryAfterSeconds).toBeLessThanOrEqual(60);
      expect((await keySnapshot(team.organizationId)).keys).toHaveLength(10);
      await expect(newKey(other.owner, { name: 'Another organization' })).resolves.toMatchObject({ key: { name: 'Another organization' } });
    });
  });

  describe('bad input answers 422 naming the field', () => {
    const yesterday = new Date(Date.now() - 86_400_000);
    it.each([
      ['an empty name', { name: '', scopes: ['read'] }, 'name'],
      ['a blank name', { name: '   ', scopes: ['read'] }, 'name'],
      ['a 200-character name', { name: 'n'.repeat(200), scopes: ['read'] }, 'name'],
      ['no name', { scopes: ['read'] }, 'name'],
      ['an unknown scope', { name: 'Key', scopes: ['read', 'delete_everything'] }, 'scopes.1'],
      ['no scope', { name: 'Key', scopes: [] }, 'scopes'],
      ['an expiry date in the past', { name: 'Key', scopes: ['read'], expiresAt: yesterday.toISOString().slice(0, 10) }, 'expiresAt'],
      ['an expiry time in the past', { name: 'Key', scopes: ['read'], expiresAt: yesterday.toISOString() }, 'expiresAt'],
      ['an expiry that is no date', { name: 'Key', scopes: ['read'], expiresAt: 'next tuesday' }, 'expiresAt'],
    ])('%s', async (_case, input, field) => {
      const team = await seedTeam(t.db);
      const before = await keySnapshot(team.organizationId);
      const error = await expectAppError(executeAction(userActor(team.owner), createKey, input), 'validation_failed');
      expect(error.status).toBe(422);
      expect(Object.keys(error.fields ?? {})).toContain(field);
      expect(await keySnapshot(team.organizationId)).toEqual(before);
    });

    it('an unknown grace period on rotate', async () => {
      const team = await seedTeam(t.db);
      const { key } = await newKey(team.owner);
      const error = await expectAppError(executeAction(userActor(team.owner), rotateKey, { keyId: key.id, gracePeriod: '2d' }), 'validation_failed');
      expect(Object.keys(error.fields ?? {})).toEqual(['gracePeriod']);
    });

    it('accepts a name of exactly 100 characters', async () => {
      const team = await seedTeam(t.db);
      const { key } = await newKey(team.owner, { name: 'n'.repeat(100) });
      expect(key.name).toHaveLength(100);
    });

    it('accepts an expiry date in the future and keeps it', async () => {
      const team = await seedTeam(t.db);
      const nextYear = new Date().getUTCFullYear() + 1;
      const { key } = await newKey(team.owner, { expiresAt: `${nextYear}-01-31` });
      expect(key.expiresAt).toBe(`${nextYear}-01-31T23:59:59.999Z`);
    });
  });
});

// ---------------------------------------------------------------------------------------------

describe('ownership', () => {
  it('a key belongs to the organization: it survives its creator’s removal and keeps the creator’s name', async () => {
    const team = await seedTeam(t.db, ['member']);
    const member = team.members[0]!;
    const { key, secret } = await newKey(member, { name: 'Nightly export' });

    await executeAction(userActor(team.owner), removeMember, { memberId: member.membershipId });

    expect(await keyRow(t.db, key.id)).toMatchObject({ organizationId: team.organizationId, createdByUserId: member.userId, createdByName: member.name, revokedAt: null });
    expect(await verifyApiKey(secret)).toMatchObject({ valid: true, keyId: key.id, organization: { id: team.organizationId } });
    const listed = await keysSeenBy(team.owner);
    expect(listed.find((k) => k.id === key.id)).toMatchObject({ createdBy: member.name, status: 'active' });

    // The removed member's stale session can no longer act on it; the organization's admins can.
    await expectAppError(executeAction(userActor(member), revokeKey, { keyId: key.id }), 'forbidden');

    // Even the user row going keeps the key and the name it was made by.
    await t.db.delete(user).where(eq(user.id, member.userId));
    expect(await keyRow(t.db, key.id)).toMatchObject({ createdByUserId: null, createdByName: member.name });
    expect((await keysSeenBy(team.owner)).find((k) => k.id === key.id)).toMatchObject({ createdBy: member.name, status: 'active' });
    expect(await verifyApiKey(secret)).toMatchObject({ valid: true, keyId: key.id });

    await expect(executeAction(userActor(team.owner), revokeKey, { keyId: key.id })).resolves.toMatchObject({ key: { id: key.id, status: 'revoked' } });
  });
});

// ---------------------------------------------------------------------------------------------

describe('who may rotate and revoke', () => {
  const actions = [
    ['rotate', (actor: SeededOrg, keyId: string) => executeAction(userActor(actor), rotateKey, { keyId, gracePeriod: '1h' })],
    ['revoke', (actor: SeededOrg, keyId: string) => executeAction(userActor(actor), revokeKey, { keyId })],
  ] as const;

  describe.each(actions)('%s', (_name, act) => {
    it('a member acts on the keys they created, and gets 403 on anyone else’s (nothing written)', async () => {
      const team = await seedTeam(t.db, ['member', 'member']);
      const [alice, bob] = team.members as [SeededOrg, SeededOrg];
      const mine = await newKey(alice);
      const theirs = await newKey(bob);
      const ownersKey = await newKey(team.owner);

      for (const keyId of [theirs.key.id, ownersKey.key.id]) {
        const before = await keySnapshot(team.organizationId);
        const error = await expectAppError(act(alice, keyId), 'forbidden');
        expect(error.status).toBe(403);
        expect(await keySnapshot(team.organizationId)).toEqual(before);
      }
      await expect(act(alice, mine.key.id)).resolves.toBeDefined();
    });

    it.each(['owner', 'admin'] as const)('%s acts on every key of the organization', async (role) => {
      const team = await seedTeam(t.db, ['admin', 'member']);
      const [admin, member] = team.members as [SeededOrg, SeededOrg];
      const manager = role === 'owner' ? team.owner : admin;
      const others = [await newKey(member), await newKey(role === 'owner' ? admin : team.owner)];
      for (const { key } of others) await expect(act(manager, key.id)).resolves.toBeDefined();
    });

    it.each(['viewer', 'billing'] as const)('%s gets 403', async (role) => {
      const team = await seedTeam(t.db, [role]);
      const { key } = await newKey(team.owner);
      await expectAppError(act(team.members[0]!, key.id), 'forbidden');
    });

    it('a member demoted to viewer can no longer act on their own key (the role is re-read, not taken from the session)', async () => {
      const team = await seedTeam(t.db, ['member']);
      const member = team.members[0]!;
      const { key } = await newKey(member);
      await t.db.update(membership).set({ role: 'viewer' }).where(eq(membership.id, member.membershipId));
      const before = await keySnapshot(team.organizationId);
      await expectAppError(act(member, key.id), 'forbidden');
      expect(await keySnapshot(team.organizationId)).toEqual(before);
    });

    it('a key id of another organization answers not_found, and the key is untouched', async () => {
      const a = await seedTeam(t.db);
      const b = await seedTeam(t.db);
      const { key } = await newKey(a.owner);
      const before = await keySnapshot(a.organizationId);
      const error = await expectAppError(act(b.owner, key.id), 'not_found');
      expect(error.status).toBe(404);
      expect(await keySnapshot(a.organizationId)).toEqual(before);
      await expectAppError(act(b.owner, crypto.randomUUID()), 'not_found');
    });
  });
});

describe('who may list keys', () => {
  it.each(['owner', 'admin', 'member'] as const)('%s sees every key of the organization', async (role) => {
    const { team, actor } = await teamWith(role);
    const { key } = await newKey(team.owner);
    expect((await keysSeenBy(actor)).map((k) => k.id)).toContain(key.id);
  });

  it.each(['viewer', 'billing'] as const)('%s gets 403', async (role) => {
    const { actor } = await teamWith(role);
    await expectAppError(keysSeenBy(actor), 'forbidden');
  });
});

// ---------------------------------------------------------------------------------------------

describe('races (on PostgreSQL each call has a connection of its own)', () => {
  const racers = useRacers(t, 10);

  it('creations racing for the last active places never exceed the limit', async () => {
    const team = await seedTeam(t.db);
    const actor = userActor(team.owner);
    await seedKeys(t.db, team.owner, apiKeyLimits.maxActivePerOrganization - 2);
    const results = await Promise.allSettled(Array.from({ length: 8 }, (_, i) => executeAction(actor, createKey, { name: `Racer ${i}`, scopes: ['read'] }, { db: racers.db })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
    expect(results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason.code)).toEqual(Array(6).fill('conflict'));
    expect((await keySnapshot(team.organizationId)).keys).toHaveLength(apiKeyLimits.maxActivePerOrganization);
  });

  it('two rotations of one key at once: one wins, the other answers 409', async () => {
    const team = await seedTeam(t.db);
    const actor = userActor(team.owner);
    const { key } = await newKey(team.owner);
    const results = await Promise.allSettled([0, 1].map(() => executeAction(actor, rotateKey, { keyId: key.id, gracePeriod: '1h' }, { db: racers.db })));
    expect(results.map((r) => (r.status === 'fulfilled' ? 'rotated' : (r.reason as { code: string }).code)).sort()).toEqual(['conflict', 'rotated']);
    expect((await keySnapshot(team.organizationId)).keys).toHaveLength(2);
  });
});

// ---------------------------------------------------------------------------------------------

describe('rotate and revoke', () => {
  it('rotation keeps name and scopes, sets the old key’s end, emits api_key.rotated and audits it', async () => {
    const team = await seedTeam(t.db);
    const old = await newKey(team.owner, { name: 'Billing sync', scopes: ['read', 'write'] });
    const rotated = await executeAction(userActor(team.owner), rotateKey, { keyId: old.key.id, gracePeriod: '24h' });

    expect(rotated.key).toMatchObject({ name: 'Billing sync', scopes: ['read', 'write'], status: 'active' });
    expect(rotated.key.id).not.toBe(old.key.id);
    const oldRow = await keyRow(t.db, old.key.id);
    expect(oldRow).toMatchObject({ replacedById: rotated.key.id, revokedAt: null });
    expect(oldRow.expiresAt?.toISOString()).toBe(rotated.previous.expiresAt);
    expect((await keysSeenBy(team.owner)).find((k) => k.id === old.key.id)?.status).toBe('expiring');

    const events = await eventsOf(t.db, team.organizationId);
    expect(events.at(-1)).toMatchObject({
      type: 'api_key.rotated',
      payload: { keyId: rotated.key.id, prefix: rotated.key.prefix, previousKeyId: old.key.id, previousPrefix: old.key.prefix, previousExpiresAt: rotated.previous.expiresAt },
    });
    const audit = await auditOf(t.db, team.organizationId, ['api_keys.rotate']);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: team.owner.userId, entityType: 'api_key', entityId: old.key.id, after: { replacedBy: { id: rotated.key.id, prefix: rotated.key.prefix }, expiresAt: rotated.previous.expiresAt } });
  });

  it('revocation is immediate, emits api_key.revoked and audits it; a second revocation is a 409', async () => {
    const team = await seedTeam(t.db);
    const { key, secret } = await newKey(team.owner);
    expect(await verifyApiKey(secret)).toMatchObject({ valid: true });
    const revoked = await executeAction(userActor(team.owner), revokeKey, { keyId: key.id });

    expect(revoked.key).toMatchObject({ id: key.id, status: 'revoked' });
    expect(revoked.key.revokedAt).not.toBeNull();
    expect(await verifyApiKey(secret)).toEqual({ valid: false, reason: 'revoked' });
    expect((await eventsOf(t.db, team.organizationId)).at(-1)).toMatchObject({ type: 'api_key.revoked', payload: { keyId: key.id, prefix: key.prefix } });
    expect(await auditOf(t.db, team.organizationId, ['api_keys.revoke'])).toMatchObject([{ entityId: key.id, before: { status: 'active' }, after: { status: 'revoked' } }]);

    await expectAppError(executeAction(userActor(team.owner), revokeKey, { keyId: key.id }), 'conflict');
  });

  it('rotating the same key twice answers 409, and so does rotating a revoked key', async () => {
    const team = await seedTeam(t.db);
    const { key } = await newKey(team.owner);
    await executeAction(userActor(team.owner), rotateKey, { keyId: key.id, gracePeriod: '7d' });
    const before = await keySnapshot(team.organizationId);
    expect((await expectAppError(executeAction(userActor(team.owner), rotateKey, { keyId: key.id, gracePeriod: '7d' }), 'conflict')).status).toBe(409);
    expect(await keySnapshot(team.organizationId)).toEqual(before);

    const revoked = await newKey(team.owner);
    await executeAction(userActor(team.owner), revokeKey, { keyId: revoked.key.id });
    expect((await expectAppError(executeAction(userActor(team.owner), rotateKey, { keyId: revoked.key.id, gracePeriod: '0' }), 'conflict')).status).toBe(409);
  });

  it('writes one audit row per write and one event per write, in order', async () => {
    const team = await seedTeam(t.db);
    const { key } = await newKey(team.owner);
    const rotated = await executeAction(userActor(team.owner), rotateKey, { keyId: key.id, gracePeriod: '1h' });
    await executeAction(userActor(team.owner), revokeKey, { keyId: rotated.key.id });
    expect((await auditOf(t.db, team.organizationId)).map((a) => [a.action, a.entityId])).toEqual([
      ['api_keys.create', key.id],
      ['api_keys.rotate', key.id],
      ['api_keys.revoke', rotated.key.id],
    ]);
    expect((await eventsOf(t.db, team.organizationId)).map((e) => [e.type, (e.payload as Record<string, unknown>).keyId, (e.payload as Record<string, unknown>).prefix])).toEqual([
      ['api_key.created', key.id, key.prefix],
      ['api_key.rotated', rotated.key.id, rotated.key.prefix],
      ['api_key.revoked', rotated.key.id, rotated.key.prefix],
    ]);
  });
});

// ---------------------------------------------------------------------------------------------

describe('the secret is shown once and stored nowhere', () => {
  it('no later response, table, audit row, event or log line holds a secret: a dump of the database proves it', async () => {
    const team = await seedTeam(t.db, ['member']);
    const owner = userActor(team.owner);
    const responses: Record<string, unknown> = {};
    let logged = '';
    const recording = recordConsole();
    const { first, rotated } = await (async () => {
      const first = await newKey(team.owner, { name: 'Show once', scopes: ['read', 'usage:write'] });
      const rotated = await executeAction(owner, rotateKey, { keyId: first.key.id, gracePeriod: '1h' });
      responses.verifyOld = await verifyApiKey(first.secret, 'read');
      responses.verifyNew = await verifyApiKey(rotated.secret, 'usage:write');
      await flushKeyUses();
      responses.revoke = await executeAction(owner, revokeKey, { keyId: rotated.key.id });
      responses.verifyRevoked = await verifyApiKey(rotated.secret);
      responses.listAsOwner = await keysSeenBy(team.owner);
      responses.listAsMember = await keysSeenBy(team.members[0]!);
      return { first, rotated };
    })().finally(() => (logged = recording.stop()));
    const secrets = [first.secret, rotated.secret];

    // The rotation answers the new secret (its one showing) and, of the old key, only its id and end.
    expect(Object.keys(rotated).sort()).toEqual(['key', 'previous', 'secret']);
    expect(Object.keys(rotated.previous).sort()).toEqual(['expiresAt', 'id']);
    expect(JSON.stringify(rotated)).not.toContain(first.secret);
    expect(JSON.stringify({ ...rotated, secret: undefined })).not.toContain(rotated.secret);
    expect(JSON.stringify(first.key)).not.toContain(first.secret);
    expect(Object.keys(responses.revoke as object)).toEqual(['key']);
    // The uses above did happen (so the dump below covers last_used_at too).
    expect(responses.verifyOld).toMatchObject({ valid: true });
    expect(responses.verifyRevoked).toEqual({ valid: false, reason: 'revoked' });

    const audit = JSON.stringify(await auditOf(t.db, team.organizationId));
    const events = JSON.stringify(await eventsOf(t.db, team.organizationId));
    const dump = await databaseDump(t.db);
    expect(dump.tables).toEqual(expect.arrayContaining(['api_key', 'audit_log', 'outbox', 'organization', 'membership', 'user', 'session', 'account', 'verification', 'two_factor']));
    // The dump does see the keys: their hashes are there (and nowhere but in api_key).
    expect(dump.text).toContain(hashToken(first.secret));
    expect(dump.text).toContain(first.key.prefix);

    for (const secret of secrets) {
      for (const [where, text] of [...Object.entries(responses).map(([k, v]) => [k, JSON.stringify(v)]), ['audit_log', audit], ['outbox', events], ['database dump', dump.text], ['console', logged]] as const) {
        expect(text.includes(secret), `${where} holds a secret`).toBe(false);
        expect(text.includes(keyBody(secret)), `${where} holds a key's random body`).toBe(false);
      }
      expect(audit).not.toContain(hashToken(secret));
      expect(events).not.toContain(hashToken(secret));
    }
  });
});
