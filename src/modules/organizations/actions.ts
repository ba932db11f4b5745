import { eq } from 'drizzle-orm';
import { defineAction } from '@/platform/actions/define';
import { HANDOFF_PATH } from '@/platform/auth/handoff-plugin';
import { HANDOFF_TTL_MS } from '@/platform/auth/handoff-redeem';
import { hashToken, newOpaqueToken } from '@/platform/crypto/tokens';
import { portalHandoff } from '@/platform/auth/schema';
import { consumeRateLimit } from '@/platform/rate-limit/limiter';
import { membership, organization } from '@/platform/tenancy/schema';
import { organizationUpsertInput, portalSessionInput, signUpOrganizationInput } from './inputs';
import { provisionForHandoff } from './provision';
import { organizationView } from './view';
import { portalUrlFor } from '@/platform/http/portal-url';

export const createPortalSession = defineAction({
  name: 'host.create_portal_session',
  input: portalSessionInput,
  async prepare(_ctx, input) {
    await consumeRateLimit('handoff', `${input.organization.externalId}:${input.user.externalId}`);
  },
  async run({ tx, emit }, input) {
    const provisioned = await provisionForHandoff(tx, input);
    const token = newOpaqueToken();
    const id = crypto.randomUUID();
    const expiresAt = new Date(Date.now() + HANDOFF_TTL_MS);
    const path = input.path ?? '/account';
    await tx.insert(portalHandoff).values({ id, tokenHash: hashToken(token), userId: provisioned.userId, organizationId: provisioned.organizationId, path, expiresAt });
    if (provisioned.created.organization) emit('organization.created', { organizationId: provisioned.organizationId, source: 'handoff' });
    if (provisioned.created.membership) emit('team.member_joined', { organizationId: provisioned.organizationId, userId: provisioned.userId, source: 'handoff' });
    const url = portalUrlFor(`${HANDOFF_PATH}?token=${encodeURIComponent(token)}`);
    return {
      result: { url, expiresAt: expiresAt.toISOString() },
      audit: {
        organizationId: provisioned.organizationId,
        entityType: 'portal_session',
        entityId: id,
        after: {
          userId: provisioned.userId,
          userExternalId: input.user.externalId,
          path,
          expiresAt,
          provisioned: provisioned.created,
          replacedUnverifiedSignUp: provisioned.replacedUnverifiedSignUp,
        },
      },
    };
  },
});

export const upsertOrganization = defineAction({
  name: 'host.upsert_organization',
  input: organizationUpsertInput,
  async run({ tx, emit }, input) {
    const { externalId, ...fields } = input;
    const [before] = await tx.select().from(organization).where(eq(organization.externalId, externalId)).for('update');
    const now = new Date();
    const [after] = before
      ? await tx.update(organization).set({ ...fields, updatedAt: now }).where(eq(organization.id, before.id)).returning()
      : await tx
          .insert(organization)
          .values({ id: crypto.randomUUID(), externalId, name: fields.name ?? externalId, plan: fields.plan ?? 'free', ...fields })
          .returning();
    emit(before ? 'organization.updated' : 'organization.created', { organizationId: after!.id, source: 'host' });
    return {
      result: { organization: organizationView(after!), created: !before },
      audit: { organizationId: after!.id, entityType: 'organization', entityId: after!.id, before: before ? organizationView(before) : null, after: organizationView(after!) },
    };
  },
});

/** A builtin sign-up brings its own organization, of which it is the owner. */
export const createOrganizationForSignUp = defineAction({
  name: 'system.create_organization_for_sign_up',
  input: signUpOrganizationInput,
  async run({ tx, emit }, input) {
    const id = crypto.randomUUID();
    const [created] = await tx.insert(organization).values({ id, name: input.name, plan: 'free' }).returning();
    await tx.insert(membership).values({ id: crypto.randomUUID(), organizationId: id, userId: input.userId, role: 'owner' });
    emit('organization.created', { organizationId: id, source: 'sign_up' });
    return {
      result: { organizationId: id },
      audit: { organizationId: id, entityType: 'organization', entityId: id, after: organizationView(created!) },
    };
  },
});
