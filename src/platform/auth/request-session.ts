import { createHmac } from 'node:crypto';
import { sameSecret } from '../crypto/tokens';
import type { Db } from '../db/types';
import { getAuth } from './auth';
import { findSession, resolvePortalSession, type AuthSession, type PortalSession } from './session';

export type CookieJar = { get(name: string): { value: string } | undefined };

type CookieSettings = { cookieName: string; secret: string; expiresIn: number; updateAge: number };
let cached: CookieSettings | undefined;

/** Better Auth's cookie name, signing key and session lifetimes, read once. */
async function cookieSettings(): Promise<CookieSettings> {
  if (cached) return cached;
  const { authCookies, secret, sessionConfig } = await (await getAuth()).$context;
  return (cached = { cookieName: authCookies.sessionToken.name, secret, expiresIn: sessionConfig.expiresIn, updateAge: sessionConfig.updateAge });
}

/**
 * The session token of the jar's session cookie when Better Auth's signature on it (HMAC-SHA256 of the
 * token, base64) holds; else null. Node's synchronous HMAC: WebCrypto's would cost every request a
 * round through the thread pool.
 */
function signedSessionToken(jar: CookieJar, { cookieName, secret }: CookieSettings): string | null {
  const value = jar.get(cookieName)?.value;
  const dot = value?.lastIndexOf('.') ?? -1;
  if (!value || dot < 1) return null;
  const token = value.slice(0, dot);
  return sameSecret(value.slice(dot + 1), createHmac('sha256', secret).update(token).digest('base64')) ? token : null;
}

/**
 * Whether Better Auth itself must see this session: it has expired (Better Auth ends it) or is due for
 * the sliding refresh of its expiry (Better Auth extends it and re-sets the cookie). Otherwise Better
 * Auth's own lookup would only read what `findSession` already read.
 */
function needsBetterAuth(expiresAt: Date, { expiresIn, updateAge }: CookieSettings): boolean {
  const expires = expiresAt.getTime();
  const now = Date.now();
  return expires <= now || expires - expiresIn * 1000 + updateAge * 1000 <= now;
}

/**
 * The portal session of a request's cookies, null when signed out or without a membership. Most
 * requests take one query; an unknown, expired or refresh-due session goes through `betterAuthSession`
 * (Better Auth's own lookup, which ends or extends it) first.
 */
export async function requestPortalSession(db: Db, jar: CookieJar, betterAuthSession: () => Promise<AuthSession | null>): Promise<PortalSession | null> {
  const settings = await cookieSettings();
  const token = signedSessionToken(jar, settings);
  if (!token) return null;
  let record = await findSession(db, token);
  if (!record || needsBetterAuth(record.expiresAt, settings)) {
    if (!(await betterAuthSession())) return null;
    record = await findSession(db, token);
    if (!record) return null;
  }
  const resolved = await resolvePortalSession(db, record);
  return resolved === 'no_membership' ? null : resolved;
}
