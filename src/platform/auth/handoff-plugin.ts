import type { BetterAuthPlugin } from 'better-auth';
import { createAuthEndpoint } from 'better-auth/api';
import { setSessionCookie } from 'better-auth/cookies';
import { z } from 'zod';
import { getDb } from '../db/client';
import { publicPath } from '../http/portal-path';
import { DEFAULT_REDIRECT, redirectPrefixes, resolveRedirectTarget } from '../http/redirect-target';
import { redeemHandoff } from './handoff-redeem';

export const HANDOFF_PATH = '/api/auth/handoff';
export const HANDOFF_EXPIRED_PAGE = '/handoff-expired';

/**
 * Following a handoff link ends in an ordinary Better Auth session, so sessions list, revoke and
 * sign-out behave the same for host and builtin users.
 */
export function handoffPlugin() {
  return {
    id: 'deflect-handoff',
    endpoints: {
      redeemHandoff: createAuthEndpoint(
        '/handoff',
        { method: 'GET', query: z.object({ token: z.string().max(200) }) },
        async (ctx) => {
          const grant = await redeemHandoff(await getDb(), ctx.query.token);
          if (!grant) throw ctx.redirect(publicPath(HANDOFF_EXPIRED_PAGE));
          const found = await ctx.context.internalAdapter.findUserById(grant.userId);
          if (!found) throw ctx.redirect(publicPath(HANDOFF_EXPIRED_PAGE));
          const created = await ctx.context.internalAdapter.createSession(grant.userId, false, {
            activeOrganizationId: grant.organizationId,
            origin: 'host',
          });
          await setSessionCookie(ctx, { session: created, user: found });
          // Checked again on the way out: a link stored before the check existed must not redirect off-site.
          throw ctx.redirect(publicPath(resolveRedirectTarget(grant.path, redirectPrefixes().handoff) ?? DEFAULT_REDIRECT));
        },
      ),
    },
  } satisfies BetterAuthPlugin;
}
