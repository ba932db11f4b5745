import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import type { Actor } from '../actions/actor';
import { getDb } from '../db/client';
import { requestMeta } from '../http/request-meta';
import { getAuth } from './auth';
import { signInUrl } from './sign-in-url';
import { requestPortalSession } from './request-session';
import type { AuthSession, PortalSession } from './session';

/** The signed-in person of this request, resolved once per render. */
export const getAuthSession = cache(async (): Promise<AuthSession | null> => {
  const auth = await getAuth();
  // The cookie jar, not the request's Cookie header: after a server action in which Better Auth
  // replaced the session (password change, two-factor), only the jar holds the new cookie.
  const requestHeaders = new Headers(await headers());
  requestHeaders.set('cookie', (await cookies()).toString());
  return (await auth.api.getSession({ headers: requestHeaders })) as AuthSession | null;
});

/** The portal session of this request, resolved once per render. */
export const getPortalSession = cache(async (): Promise<PortalSession | null> => requestPortalSession(await getDb(), await cookies(), getAuthSession));

export async function actorOf(session: PortalSession | null): Promise<Actor | null> {
  if (!session) return null;
  const meta = requestMeta(await headers());
  return {
    type: 'user',
    userId: session.user.id,
    email: session.user.email,
    organizationId: session.organization.id,
    role: session.role,
    sessionId: session.sessionId,
    ...meta,
  };
}

/** The actor of the current request, or null when nobody is signed in. */
export async function currentActor(): Promise<Actor | null> {
  return actorOf(await getPortalSession());
}

/**
 * The session of a page under /account. Next renders a layout and its page concurrently, so every
 * page re-checks rather than trusting the layout's redirect to have happened first.
 */
export async function requirePortalSession(): Promise<PortalSession> {
  const session = await getPortalSession();
  if (session) return session;
  const path = (await headers()).get('x-deflect-path') ?? '/account';
  redirect((await getAuthSession()) ? '/no-organization' : signInUrl(path));
}

/** A signed-in person acting outside any organization (accepting an invitation), or null. */
export async function currentPerson(): Promise<Actor | null> {
  const auth = await getAuthSession();
  if (!auth) return null;
  return { type: 'person', userId: auth.user.id, email: auth.user.email, organizationId: null, sessionId: auth.session.id, ...requestMeta(await headers()) };
}
