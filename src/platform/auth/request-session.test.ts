import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { seedOrg, seedUser, useTestDatabase } from '../../../tests/support/test-db';
import { getAuth } from './auth';
import { requestPortalSession, type CookieJar } from './request-session';
import { account, session } from './schema';
import type { AuthSession } from './session';

const t = useTestDatabase();
const PASSWORD = 'correct horse battery staple';

/** Signs a person in through Better Auth and keeps its Set-Cookie as a request's cookie jar would. */
async function signedIn(options: { member?: boolean } = { member: true }) {
  const auth = await getAuth();
  const person = await seedUser(t.db);
  await t.db.insert(account).values({ id: randomUUID(), accountId: person.userId, providerId: 'credential', userId: person.userId, password: await (await auth.$context).password.hash(PASSWORD) });
  const org = options.member ? await seedOrg(t.db, { userId: person.userId, role: 'admin' }) : null;
  const response = await auth.api.signInEmail({ body: { email: person.email, password: PASSWORD }, asResponse: true });
  const cookies = new Map(response.headers.getSetCookie().map((c) => c.split(';')[0]!.split('=')).map(([name, value]) => [name!, decodeURIComponent(value!)]));
  const jar: CookieJar = { get: (name) => (cookies.has(name) ? { value: cookies.get(name)! } : undefined) };
  const header = [...cookies].map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join('; ');
  const [row] = await t.db.select({ id: session.id, token: session.token }).from(session).where(eq(session.userId, person.userId));
  // Better Auth's own lookup, counted: the fast path must not need it.
  const betterAuth = { calls: 0, session: async () => (betterAuth.calls++, (await auth.api.getSession({ headers: new Headers({ cookie: header }) })) as AuthSession | null) };
  return { person, org, jar, sessionId: row!.id, token: row!.token, betterAuth, auth };
}

const expiresAt = async (sessionId: string) => (await t.db.select({ at: session.expiresAt }).from(session).where(eq(session.id, sessionId)))[0]?.at ?? null;
const setExpiresAt = (sessionId: string, at: Date) => t.db.update(session).set({ expiresAt: at }).where(eq(session.id, sessionId));

describe('requestPortalSession', () => {
  it("reads Better Auth's signed session cookie and resolves the portal session in one lookup, without Better Auth", async () => {
    const { person, org, jar, sessionId, betterAuth } = await signedIn();
    expect(await requestPortalSession(t.db, jar, betterAuth.session)).toMatchObject({ sessionId, user: { id: person.userId }, organization: { id: org!.organizationId }, role: 'admin', identity: 'builtin' });
    expect(betterAuth.calls).toBe(0);
  });

  it('refuses a missing, malformed or forged cookie', async () => {
    const { jar, token, betterAuth, auth } = await signedIn();
    const { authCookies } = await auth.$context;
    const signature = jar.get(authCookies.sessionToken.name)!.value.split('.').at(-1)!;
    const other = await signedIn();
    const otherSignature = other.jar.get(authCookies.sessionToken.name)!.value.split('.').at(-1)!;
    const jarOf = (value: string): CookieJar => ({ get: (name) => (name === authCookies.sessionToken.name ? { value } : undefined) });
    for (const forged of [jarOf(token), jarOf(`.${signature}`), jarOf(`${token}.`), jarOf(`${token}.${otherSignature}`), jarOf(`${other.token}.${signature}`), jarOf(`${token.slice(0, -1)}x.${signature}`), { get: () => undefined }]) {
      expect(await requestPortalSession(t.db, forged, betterAuth.session)).toBeNull();
    }
    // Refused at the signature: Better Auth was never asked.
    expect(betterAuth.calls).toBe(0);
  });

  it('lets Better Auth extend a session that is due for its refresh, then resolves it', async () => {
    const { org, jar, sessionId, betterAuth, auth } = await signedIn();
    const { sessionConfig } = await auth.$context;
    await setExpiresAt(sessionId, new Date(Date.now() + (sessionConfig.expiresIn - sessionConfig.updateAge) * 1000 - 60_000));
    const before = Date.now();
    expect(await requestPortalSession(t.db, jar, betterAuth.session)).toMatchObject({ sessionId, organization: { id: org!.organizationId } });
    expect(betterAuth.calls).toBe(1);
    expect((await expiresAt(sessionId))!.getTime()).toBeGreaterThanOrEqual(before + sessionConfig.expiresIn * 1000 - 1000);
  });

  it('lets Better Auth end an expired session: signed out, and the session is gone', async () => {
    const { jar, sessionId, betterAuth } = await signedIn();
    await setExpiresAt(sessionId, new Date(Date.now() - 1000));
    expect(await requestPortalSession(t.db, jar, betterAuth.session)).toBeNull();
    expect(betterAuth.calls).toBe(1);
    expect(await expiresAt(sessionId)).toBeNull();
  });

  it('is signed out once the session is revoked, and null for a person without a membership', async () => {
    const { jar, sessionId, betterAuth } = await signedIn();
    await t.db.delete(session).where(eq(session.id, sessionId));
    expect(await requestPortalSession(t.db, jar, betterAuth.session)).toBeNull();

    const outsider = await signedIn({ member: false });
    expect(await requestPortalSession(t.db, outsider.jar, outsider.betterAuth.session)).toBeNull();
    expect(outsider.betterAuth.calls).toBe(0);
  });
});
