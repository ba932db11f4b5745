import { and, count, eq, gt, isNull, or } from 'drizzle-orm';
import { apiKeyLimits, gracePeriods } from '@config/api-keys';
import { apiKeyScopeGrants, canGrantScopes, canManageKey } from '@config/permissions';
import { defineAction, type ActionContext, type PrepareContext } from '@/platform/actions/define';
import { getConfig } from '@/platform/config';
import { hashToken } from '@/platform/crypto/tokens';
import { AppError, conflict, forbidden, notFound } from '@/platform/http/errors';
import { consumeRateLimit } from '@/platform/rate-limit/limiter';
import { lockOrganizationForMember } from '@/platform/tenancy/lock';
import { createKeyInput, keyIdInput, rotateKeyInput } from './inputs';
import { announceKeyChange } from './key-cache';
import { displayPrefix, generateKey } from './key-format';
import { apiKey } from './schema';
import { keyView } from './view';

/** Every key write starts with the organization locked and the actor's role re-read (see platform/tenancy/lock.ts). */
async function lockOrganization(ctx: ActionContext) {
  if (ctx.actor.type !== 'user') throw forbidden();
  const locked = await lockOrganizationForMember(ctx.tx, ctx.actor.organizationId, ctx.actor.userId);
  return { actor: ctx.actor, role: locked.actorRole, name: locked.actorName };
}

async function insertKey(ctx: ActionContext, values: { organizationId: string; name: string; scopes: string[]; expiresAt: Date | null; userId: string | null; userName: string }) {
  const secret = generateKey(getConfig().API_KEY_ENVIRONMENT);
  const [row] = await ctx.tx
    .insert(apiKey)
    .values({
      id: crypto.randomUUID(),
      organizationId: values.organizationId,
      name: values.name,
      prefix: displayPrefix(secret),
      secretHash: hashToken(secret),
      scopes: values.scopes,
      createdByUserId: values.userId,
      createdByName: values.userName,
      expiresAt: values.expiresAt,
    })
    .returning();
  return { row: row!, secret };
}

/** A key of this organization, locked, that the actor may act on with `permission`; else not found / forbidden. */
async function findManagedKey(ctx: ActionContext, keyId: string, permission: 'api_keys.rotate' | 'api_keys.revoke') {
  const { actor, role } = await lockOrganization(ctx);
  const [key] = await ctx.tx.select().from(apiKey).where(and(eq(apiKey.id, keyId), eq(apiKey.organizationId, actor.organizationId))).for('update');
  if (!key) throw notFound('API key');
  if (!canManageKey(role, permission, key.createdByUserId === actor.userId)) throw forbidden(`You can ${permission === 'api_keys.rotate' ? 'rotate' : 'revoke'} only the keys you created.`);
  return { key };
}

/** Each new secret counts against the organization's creations per minute, before anything is written. */
async function limitCreation({ actor }: PrepareContext): Promise<void> {
  if (actor.organizationId) await consumeRateLimit('api_key_create', actor.organizationId);
}

/** Once the change is committed, every instance drops the old secret from its cache. */
function forgetOnCommit(ctx: ActionContext, secretHash: string): void {
  ctx.afterCommit(() => announceKeyChange([secretHash]));
}

const auditedFields = (row: typeof apiKey.$inferSelect) => ({ name: row.name, prefix: row.prefix, scopes: row.scopes, expiresAt: row.expiresAt });

export const createKey = defineAction({
  name: 'api_keys.create',
  input: createKeyInput,
  prepare: limitCreation,
  async run(ctx, input) {
    const { actor, role, name } = await lockOrganization(ctx);
    if (!canGrantScopes(role, input.scopes)) {
      const allowed = apiKeyScopeGrants[role];
      const message = `As ${role} you can give a key these scopes: ${allowed.join(', ') || 'none'}.`;
      throw new AppError('forbidden', message, { scopes: message });
    }
    const now = new Date();
    const [active] = await ctx.tx
      .select({ n: count() })
      .from(apiKey)
      .where(and(eq(apiKey.organizationId, actor.organizationId), isNull(apiKey.revokedAt), or(isNull(apiKey.expiresAt), gt(apiKey.expiresAt, now))));
    if ((active?.n ?? 0) >= apiKeyLimits.maxActivePerOrganization) {
      throw conflict(`Your organization already has ${apiKeyLimits.maxActivePerOrganization} active keys, the most allowed. Revoke one you no longer use first.`);
    }
    const { row, secret } = await insertKey(ctx, { organizationId: actor.organizationId, name: input.name, scopes: input.scopes, expiresAt: input.expiresAt ?? null, userId: actor.userId, userName: name });
    ctx.emit('api_key.created', { keyId: row.id, prefix: row.prefix, name: row.name, scopes: input.scopes });
    return { result: { key: keyView(row), secret }, audit: { entityType: 'api_key', entityId: row.id, after: auditedFields(row) } };
  },
});

/** A new secret for the same name and scopes; the old key keeps working for the grace period. */
export const rotateKey = defineAction({
  name: 'api_keys.rotate',
  input: rotateKeyInput,
  prepare: limitCreation,
  async run(ctx, input) {
    const { key } = await findManagedKey(ctx, input.keyId, 'api_keys.rotate');
    const now = new Date();
    if (key.revokedAt) throw conflict('This key is revoked. Create a new key instead.');
    if (key.expiresAt && key.expiresAt <= now) throw conflict('This key has expired. Create a new key instead.');
    if (key.replacedById) throw conflict('This key was already rotated. Rotate its replacement instead.');
    const graceEnd = new Date(now.getTime() + gracePeriods[input.gracePeriod].ms);
    const previousExpiresAt = key.expiresAt && key.expiresAt < graceEnd ? key.expiresAt : graceEnd;
    // The replacement stays its creator's key (who rotated it is in the audit log).
    const { row, secret } = await insertKey(ctx, { organizationId: key.organizationId, name: key.name, scopes: key.scopes, expiresAt: key.expiresAt, userId: key.createdByUserId, userName: key.createdByName });
    await ctx.tx.update(apiKey).set({ expiresAt: previousExpiresAt, replacedById: row.id }).where(eq(apiKey.id, key.id));
    forgetOnCommit(ctx, key.secretHash);
    ctx.emit('api_key.rotated', { keyId: row.id, prefix: row.prefix, previousKeyId: key.id, previousPrefix: key.prefix, previousExpiresAt: previousExpiresAt.toISOString() });
    return {
      result: { key: keyView(row), secret, previous: { id: key.id, expiresAt: previousExpiresAt.toISOString() } },
      audit: { entityType: 'api_key', entityId: key.id, before: auditedFields(key), after: { ...auditedFields(key), expiresAt: previousExpiresAt, replacedBy: { id: row.id, prefix: row.prefix } } },
    };
  },
});

export const revokeKey = defineAction({
  name: 'api_keys.revoke',
  input: keyIdInput,
  async run(ctx, input) {
    const { key } = await findManagedKey(ctx, input.keyId, 'api_keys.revoke');
    if (key.revokedAt) throw conflict('This key is already revoked.');
    const [revoked] = await ctx.tx.update(apiKey).set({ revokedAt: new Date() }).where(eq(apiKey.id, key.id)).returning();
    forgetOnCommit(ctx, key.secretHash);
    ctx.emit('api_key.revoked', { keyId: key.id, prefix: key.prefix });
    return {
      result: { key: keyView(revoked!) },
      audit: { entityType: 'api_key', entityId: key.id, before: { ...auditedFields(key), status: 'active' }, after: { status: 'revoked' } },
    };
  },
});
