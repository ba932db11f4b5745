import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { nextCookies } from 'better-auth/next-js';
import { twoFactor as twoFactorPlugin } from 'better-auth/plugins/two-factor';
import { getConfig } from '../config';
import { getDb } from '../db/client';
import { basePath, publicPath } from '../http/portal-path';
import { CLIENT_ADDRESS_HEADER } from '../http/request-stamp.mjs';
import type { Db } from '../db/types';
import { sendMail } from '../mail/send-mail';
import { resetPasswordMail, verifyEmailMail } from '../mail/templates';
import { callbackGuard } from './callback-guard';
import { isChangeEmailToken } from './change-email-link';
import { handoffPlugin } from './handoff-plugin';
import { account, session, twoFactor, user, verification } from './schema';
import { authSecret } from './secret';

function createAuth(db: Db) {
  const config = getConfig();
  return betterAuth({
    appName: 'Deflect',
    baseURL: config.portalUrl,
    basePath: publicPath('/api/auth'),
    secret: authSecret(),
    trustedOrigins: [config.portalUrl],
    database: drizzleAdapter(db, { provider: 'pg', schema: { user, session, account, verification, twoFactor } }),
    // Ours (rate-limiter-flexible, shared with Redis when configured) guards these routes instead.
    rateLimit: { enabled: false },
    advanced: {
      cookiePrefix: 'deflect',
      // Beside the product on its own domain, the portal's cookies stay under its base path.
      defaultCookieAttributes: { path: basePath || '/' },
      database: { generateId: () => crypto.randomUUID() },
      // The address our entry resolved from the socket and TRUST_PROXY, never X-Forwarded-For.
      ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] },
    },
    emailAndPassword: {
      enabled: true,
      disableSignUp: !config.signupEnabled,
      requireEmailVerification: true,
      minPasswordLength: 10,
      revokeSessionsOnPasswordReset: true,
      async sendResetPassword({ user: u, url }) {
        await sendMail({ to: u.email, ...resetPasswordMail({ name: u.name, url }) });
      },
    },
    emailVerification: {
      sendOnSignUp: true,
      autoSignInAfterVerification: true,
      async sendVerificationEmail({ user: u, url, token }) {
        // Better Auth calls this for sign-up and, with the new address as `email`, for an email change,
        // whose mail is instead the consumer of account.email_change_requested (after the commit, its
        // link made then: change-email-link.ts).
        if (isChangeEmailToken(token)) return;
        await sendMail({ to: u.email, ...verifyEmailMail({ name: u.name, url }) });
      },
    },
    user: {
      changeEmail: { enabled: true },
      additionalFields: { externalId: { type: 'string', required: false, input: false } },
    },
    session: {
      additionalFields: {
        activeOrganizationId: { type: 'string', required: false, input: false },
        origin: { type: 'string', required: false, input: false, defaultValue: 'builtin' },
        // Returned with the session so that "last seen" is written at most once a minute, not per request.
        lastSeenAt: { type: 'date', required: false, input: false },
      },
    },
    hooks: { before: callbackGuard },
    plugins: [twoFactorPlugin({ issuer: 'Deflect' }), handoffPlugin(), nextCookies()],
  });
}

export type Auth = ReturnType<typeof createAuth>;

const slot = Symbol.for('deflect.auth');
const holder = globalThis as unknown as Record<symbol, Promise<Auth> | undefined>;
export function getAuth(): Promise<Auth> {
  holder[slot] ??= getDb().then(createAuth);
  return holder[slot];
}
