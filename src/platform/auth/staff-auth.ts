import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { nextCookies } from 'better-auth/next-js';
import { twoFactor as twoFactorPlugin } from 'better-auth/plugins/two-factor';
import { getConfig } from '../config';
import { hashToken } from '../crypto/tokens';
import { getDb } from '../db/client';
import type { Db } from '../db/types';
import { CLIENT_ADDRESS_HEADER } from '../http/request-stamp.mjs';
import { redirectPrefixes, STAFF_HOME } from '../http/redirect-target';
import { handoffEndpointPlugin } from './handoff-plugin';
import { staffAuthSecret } from './secret';
import { staffAccount, staffSession, staffTwoFactor, staffUser, staffVerification } from './staff-schema';
import { basePath, publicPath } from '../http/portal-path';

export const STAFF_AUTH_PATH = '/api/admin/auth';
export const STAFF_HANDOFF_PATH = `${STAFF_AUTH_PATH}/handoff`;
export const STAFF_SIGN_IN_PAGE = '/admin/sign-in';
const STAFF_HANDOFF_EXPIRED_PAGE = `${STAFF_SIGN_IN_PAGE}?notice=link-expired`;

/** The verification identifiers of staff links: a handoff and a set-up (Better Auth's reset) token. */
export const staffLinkIdentifier = {
  handoff: (token: string) => `staff-handoff:${token}`,
  setUp: (token: string) => `reset-password:${token}`,
};

/**
 * How a verification identifier is stored: hashed, so that neither a set-up nor a handoff token can
 * be read back from the database. Better Auth hashes with this too, and rows minted inside our own
 * transactions are written with it.
 */
export function storedStaffIdentifier(identifier: string): string {
  return hashToken(identifier);
}

/** What a staff handoff link grants, as kept in `staff_verification.value`. */
export type StaffHandoffValue = { staffId: string; path: string };

function createStaffAuth(db: Db) {
  const config = getConfig();
  return betterAuth({
    appName: 'Deflect staff',
    baseURL: config.portalUrl,
    basePath: publicPath(STAFF_AUTH_PATH),
    secret: staffAuthSecret(),
    trustedOrigins: [config.portalUrl],
    database: drizzleAdapter(db, {
      provider: 'pg',
      schema: { user: staffUser, session: staffSession, account: staffAccount, verification: staffVerification, twoFactor: staffTwoFactor },
    }),
    // Ours (rate-limiter-flexible, shared with Redis when configured) guards the sign-in forms instead.
    rateLimit: { enabled: false },
    advanced: {
      cookiePrefix: 'deflect-staff',
      defaultCookieAttributes: { path: basePath || '/' },
      database: { generateId: () => crypto.randomUUID() },
      ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] },
    },
    verification: { storeIdentifier: { hash: async (identifier) => storedStaffIdentifier(identifier) } },
    emailAndPassword: {
      enabled: true,
      // Staff are added by `npm run staff:add`, a lead's invitation or the host's handoff, never by sign-up.
      disableSignUp: true,
      minPasswordLength: 10,
      revokeSessionsOnPasswordReset: true,
    },
    user: {
      additionalFields: {
        externalId: { type: 'string', required: false, input: false },
        role: { type: 'string', required: true, input: false, defaultValue: 'agent' },
        disabledAt: { type: 'date', required: false, input: false },
      },
    },
    session: {
      // A support tool opens every customer's data: a working day, extended while in use.
      expiresIn: 12 * 60 * 60,
      updateAge: 60 * 60,
      additionalFields: { origin: { type: 'string', required: false, input: false, defaultValue: 'builtin' } },
    },
    plugins: [
      twoFactorPlugin({ issuer: 'Deflect staff' }),
      handoffEndpointPlugin({
        id: 'deflect-staff-handoff',
        async redeem(token, context) {
          const row = await context.internalAdapter.consumeVerificationValue(staffLinkIdentifier.handoff(token));
          if (!row) return null;
          const value = JSON.parse(row.value) as StaffHandoffValue;
          return { userId: value.staffId, path: value.path, sessionFields: { origin: 'host' } };
        },
        admits: (user) => !user.disabledAt,
        expiredPage: STAFF_HANDOFF_EXPIRED_PAGE,
        landing: { prefixes: redirectPrefixes().staff, fallback: STAFF_HOME },
      }),
      nextCookies(),
    ],
  });
}

export type StaffAuth = ReturnType<typeof createStaffAuth>;

const slot = Symbol.for('deflect.staffAuth');
const holder = globalThis as unknown as Record<symbol, Promise<StaffAuth> | undefined>;
export function getStaffAuth(): Promise<StaffAuth> {
  holder[slot] ??= getDb().then(createStaffAuth);
  return holder[slot];
}
