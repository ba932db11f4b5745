import type { AuthContext, BetterAuthPlugin } from 'better-auth';
import { createAuthEndpoint } from 'better-auth/api';
import { setSessionCookie } from 'better-auth/cookies';
import { z } from 'zod';
import { getDb } from '../db/client';
import { publicPath } from '../http/portal-path';
import { DEFAULT_REDIRECT, redirectPrefixes, resolveRedirectTarget } from '../http/redirect-target';
import { redeemHandoff } from './handoff-redeem';

export const HANDOFF_PATH = '/api/auth/handoff';
export const HANDOFF_EXPIRED_PAGE = '/handoff-expired';

/** What a redeemed link grants: whose session, with which session fields, landing where. */
export type HandoffGrant = { userId: string; path: string; sessionFields: Record<string, unknown> };

export type HandoffOptions = {
  id: string;
  /** Redeems the link's token once; null when it is unknown, used or expired. */
  redeem(token: string, context: AuthContext): Promise<HandoffGrant | null>;
  /** Whether the person may still sign in (a disabled person may not). */
  admits?(user: Record<string, unknown>): boolean;
  expiredPage: string;
  landing: { prefixes: readonly string[]; fallback: string };
};

/**
 * A `GET /handoff?token=` endpoint that ends in an ordinary Better Auth session, so sessions list,
 * revoke and sign-out behave the same for people let in by a host and for builtin sign-ins.
 */
export function handoffEndpointPlugin({ id, redeem, admits, expiredPage, landing }: HandoffOptions) {
  return {
    id,
    endpoints: {
      redeemHandoff: createAuthEndpoint('/handoff', { method: 'GET', query: z.object({ token: z.string().max(200) }) }, async (ctx) => {
        const grant = await redeem(ctx.query.token, ctx.context);
        if (!grant) throw ctx.redirect(publicPath(expiredPage));
        const found = await ctx.context.internalAdapter.findUserById(grant.userId);
        if (!found || (admits && !admits(found))) throw ctx.redirect(publicPath(expiredPage));
        // The last argument lets the grant's fields win over their defaults (`origin` is 'builtin' by default).
        const created = await ctx.context.internalAdapter.createSession(grant.userId, false, grant.sessionFields, true);
        await setSessionCookie(ctx, { session: created, user: found });
        // Checked again on the way out: a link stored before the check existed must not redirect off-site.
        throw ctx.redirect(publicPath(resolveRedirectTarget(grant.path, landing.prefixes) ?? landing.fallback));
      }),
    },
  } satisfies BetterAuthPlugin;
}

/** The customer handoff of POST /api/v1/portal-sessions. */
export function handoffPlugin() {
  return handoffEndpointPlugin({
    id: 'deflect-handoff',
    async redeem(token) {
      const grant = await redeemHandoff(await getDb(), token);
      return grant && { userId: grant.userId, path: grant.path, sessionFields: { activeOrganizationId: grant.organizationId, origin: 'host' } };
    },
    expiredPage: HANDOFF_EXPIRED_PAGE,
    landing: { prefixes: redirectPrefixes().handoff, fallback: DEFAULT_REDIRECT },
  });
}
